using MeetStream.Client.Http;

namespace MeetStream.Client;

/// <summary>The REST implementation of <see cref="IStorageClient"/>.</summary>
internal sealed class StorageClient : IStorageClient
{
    private readonly MeetStreamTransport _transport;

    public StorageClient(MeetStreamTransport transport) => _transport = transport;
}
