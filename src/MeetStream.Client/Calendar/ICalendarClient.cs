namespace MeetStream.Client;

/// <summary>MeetStream calendar connections, events, schedules and auto-join. Fake this interface to test code that uses it.</summary>
public interface ICalendarClient
{
}
