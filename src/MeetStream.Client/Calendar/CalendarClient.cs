using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="ICalendarClient"/>.</summary>
internal sealed class CalendarClient : ICalendarClient
{
    private readonly MeetStreamTransport _transport;

    public CalendarClient(MeetStreamTransport transport) => _transport = transport;
}
