using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IGoogleLoginsClient"/>.</summary>
internal sealed class GoogleLoginsClient : IGoogleLoginsClient
{
    private readonly MeetStreamTransport _transport;

    public GoogleLoginsClient(MeetStreamTransport transport) => _transport = transport;
}
