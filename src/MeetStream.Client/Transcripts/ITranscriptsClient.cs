namespace MeetStream.Client;

/// <summary>MeetStream transcripts. Fake this interface to test code that uses it.</summary>
public interface ITranscriptsClient
{
}
