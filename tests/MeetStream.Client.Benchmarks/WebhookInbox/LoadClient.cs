using System.Net;

namespace MeetStream.Client.Benchmarks.WebhookInbox;

/// <summary>
/// The sender's HTTP client: HTTP/1.1 keep-alive connections to one host, at most <c>connections</c> of them (so
/// requests beyond that wait for a free connection, as a real sender's pool would), opened once and kept.
/// </summary>
internal static class LoadClient
{
    /// <summary>Creates a client for <paramref name="address"/> with at most <paramref name="connections"/> connections.</summary>
    public static HttpClient Create(Uri address, int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            BaseAddress = address,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Timeout = TimeSpan.FromSeconds(60),
        };
}
