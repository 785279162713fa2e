namespace MeetStream.Client;

/// <summary>MeetStream custom storage (bring your own bucket). Fake this interface to test code that uses it.</summary>
public interface IStorageClient
{
}
