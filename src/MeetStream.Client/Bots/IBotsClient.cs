namespace MeetStream.Client;

/// <summary>MeetStream bots (create, list, status, media, actions). Fake this interface to test code that uses it.</summary>
public interface IBotsClient
{
}
