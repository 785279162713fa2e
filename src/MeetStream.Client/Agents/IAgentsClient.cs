namespace MeetStream.Client;

/// <summary>MeetStream MIA agent configurations. Fake this interface to test code that uses it.</summary>
public interface IAgentsClient
{
}
