namespace MeetStream.Client;

/// <summary>MeetStream Teams signed-in bot domains and logins. Fake this interface to test code that uses it.</summary>
public interface ITeamsLoginsClient
{
}
