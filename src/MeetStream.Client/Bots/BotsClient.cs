using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IBotsClient"/>.</summary>
internal sealed class BotsClient : IBotsClient
{
    private readonly MeetStreamTransport _transport;

    public BotsClient(MeetStreamTransport transport) => _transport = transport;
}
