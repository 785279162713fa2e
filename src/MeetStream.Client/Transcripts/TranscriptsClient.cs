using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="ITranscriptsClient"/>.</summary>
internal sealed class TranscriptsClient : ITranscriptsClient
{
    private readonly MeetStreamTransport _transport;

    public TranscriptsClient(MeetStreamTransport transport) => _transport = transport;
}
