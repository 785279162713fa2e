using System.Net;
using System.Text.Json.Nodes;
using MeetStream.Client.Http;
using MeetStream.Client.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetStream.Client;

/// <summary>
/// The MeetStream API client. Build it once with an API key or options (or let <c>AddMeetStreamClient</c> build it)
/// and share it: it is thread-safe and its options are frozen when it is built.
/// </summary>
/// <example>
/// <code>
/// var client = new MeetStreamClient("ms_key");
/// var bot = await client.Bots.CreateAsync(new CreateBotRequest { MeetingLink = "https://meet.google.com/abc-defg-hij", BotName = "Notetaker" });
/// </code>
/// </example>
public sealed class MeetStreamClient : IMeetStreamClient, IDisposable
{
    private readonly HttpClient? _ownedHttpClient;
    private readonly MeetStreamTransport _transport;

    /// <summary>Initializes a client with an API key and default settings.</summary>
    /// <param name="apiKey">The API key; <see langword="null"/> reads <c>MEETSTREAM_API_KEY</c>.</param>
    /// <exception cref="MeetStreamConfigurationException">No key is available or a setting is invalid.</exception>
    public MeetStreamClient(string? apiKey)
        : this(new MeetStreamClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>
    /// Initializes a client with an API key and a base URL (a regional or staging deployment, or a local simulator),
    /// other settings default.
    /// </summary>
    /// <param name="apiKey">The API key; <see langword="null"/> reads <c>MEETSTREAM_API_KEY</c>.</param>
    /// <param name="baseUrl">The absolute http(s) API base URL including <c>/api/v1</c>, e.g. <see cref="MeetStreamClientOptions.DefaultBaseUrl"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="baseUrl"/> is <see langword="null"/>.</exception>
    /// <exception cref="MeetStreamConfigurationException">
    /// No key is available, or <paramref name="baseUrl"/> is relative or not http(s); the message names the setting.
    /// </exception>
    public MeetStreamClient(string? apiKey, Uri baseUrl)
        : this(new MeetStreamClientOptions { ApiKey = apiKey, BaseUrl = baseUrl ?? throw new ArgumentNullException(nameof(baseUrl)) })
    {
    }

    /// <summary>Initializes a client from options with its own HTTP stack (connection pooling, retries, timeouts).</summary>
    /// <param name="options">The settings; copied now.</param>
    /// <param name="loggerFactory">Receives request and retry logs; optional.</param>
    /// <exception cref="MeetStreamConfigurationException">No key is available or a setting is invalid.</exception>
    public MeetStreamClient(MeetStreamClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resolved = options.Freeze();
        MeetStreamClientOptionsValidator.ThrowIfInvalid(resolved);
        loggerFactory ??= NullLoggerFactory.Instance;
        var handler = new MeetStreamResilienceHandler(resolved, loggerFactory.CreateLogger<MeetStreamResilienceHandler>())
        {
            InnerHandler = MeetStreamResiliencePipeline.CreatePrimaryHandler(),
        };
        _ownedHttpClient = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _transport = new MeetStreamTransport(_ownedHttpClient, resolved, loggerFactory.CreateLogger<MeetStreamClient>(), sdkOwnsClient: true);
        (Bots, Transcripts, Calendar, Agents, Storage, GoogleLogins, TeamsLogins) = CreateSubClients(_transport);
    }

    /// <summary>
    /// Initializes a client over an <see cref="HttpClient"/> you own (as <c>AddMeetStreamClient</c> does). Include a
    /// <see cref="MeetStreamResilienceHandler"/> in its handler chain to keep retries and timeouts.
    /// </summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client. Its own Timeout should be infinite.</param>
    /// <param name="options">The settings; copied now.</param>
    /// <param name="loggerFactory">Receives request logs; optional.</param>
    /// <exception cref="MeetStreamConfigurationException">No key is available or a setting is invalid.</exception>
    public MeetStreamClient(HttpClient httpClient, MeetStreamClientOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        var resolved = options.Freeze();
        MeetStreamClientOptionsValidator.ThrowIfInvalid(resolved);
        _transport = new MeetStreamTransport(httpClient, resolved, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<MeetStreamClient>(), sdkOwnsClient: false);
        (Bots, Transcripts, Calendar, Agents, Storage, GoogleLogins, TeamsLogins) = CreateSubClients(_transport);
    }

    /// <summary>
    /// Initializes a client over the named <see cref="HttpClient"/> DI made for it alone (its handler lifetime is
    /// infinite and <c>PooledConnectionLifetime</c> recycles connections, so one instance serves for the app's life):
    /// the routes send through it directly, with the base address and standard headers set on it once.
    /// </summary>
    internal MeetStreamClient(MeetStreamClientOptions resolvedOptions, ILoggerFactory loggerFactory, HttpClient dedicatedHttpClient)
    {
        MeetStreamClientOptionsValidator.ThrowIfInvalid(resolvedOptions);
        _ownedHttpClient = dedicatedHttpClient;
        _transport = new MeetStreamTransport(dedicatedHttpClient, resolvedOptions, loggerFactory.CreateLogger<MeetStreamClient>(), sdkOwnsClient: true);
        (Bots, Transcripts, Calendar, Agents, Storage, GoogleLogins, TeamsLogins) = CreateSubClients(_transport);
    }

    /// <summary>Gets the transport shared by the sub-clients (for the SDK's own extension packages).</summary>
    internal MeetStreamTransport Transport => _transport;

    /// <inheritdoc />
    public IBotsClient Bots { get; }

    /// <inheritdoc />
    public ITranscriptsClient Transcripts { get; }

    /// <inheritdoc />
    public ICalendarClient Calendar { get; }

    /// <inheritdoc />
    public IAgentsClient Agents { get; }

    /// <inheritdoc />
    public IStorageClient Storage { get; }

    /// <inheritdoc />
    public IGoogleLoginsClient GoogleLogins { get; }

    /// <inheritdoc />
    public ITeamsLoginsClient TeamsLogins { get; }

    /// <summary>Gets the base URL requests go to.</summary>
    public Uri BaseUrl => _transport.Options.BaseUrl!;

    /// <inheritdoc />
    public Task<MeetStreamRawResponse> SendAsync(HttpMethod method, string pathAndQuery, JsonNode? body = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathAndQuery);
        if (!pathAndQuery.StartsWith('/') || pathAndQuery.StartsWith("//", StringComparison.Ordinal) || pathAndQuery.Contains("://", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The path must be relative to the base URL and start with '/', e.g. '/bots/abc/status'; got '{pathAndQuery}'.", nameof(pathAndQuery));
        }

        var request = ApiRequest.Create(method, pathAndQuery);
        if (body is not null)
        {
            request.WithJson(body, Serialization.MeetStreamJsonContext.Default.JsonNode);
        }

        if (idempotencyKey is not null)
        {
            request.WithIdempotencyKey(idempotencyKey);
        }

        return _transport.SendRawAsync(request, cancellationToken);
    }

    /// <summary>Releases the HTTP stack this client created; a client built over your <see cref="HttpClient"/> leaves it alone.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    /// <summary>Describes the client without its API key.</summary>
    /// <returns>The base URL.</returns>
    public override string ToString() => $"MeetStreamClient {{ BaseUrl = {BaseUrl} }}";

    private static (IBotsClient, ITranscriptsClient, ICalendarClient, IAgentsClient, IStorageClient, IGoogleLoginsClient, ITeamsLoginsClient) CreateSubClients(MeetStreamTransport transport) =>
        (new BotsClient(transport), new TranscriptsClient(transport), new CalendarClient(transport), new AgentsClient(transport), new StorageClient(transport), new GoogleLoginsClient(transport), new TeamsLoginsClient(transport));
}
