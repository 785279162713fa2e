namespace MeetStream.Client;

/// <summary>
/// Settings of a <see cref="MeetStreamClient"/>. The client copies them when it is built, so changing an options
/// instance afterwards has no effect on clients already built. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class MeetStreamClientOptions
{
    /// <summary>The production base URL, <c>https://api.meetstream.ai/api/v1</c>.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.meetstream.ai/api/v1");

    /// <summary>The environment variable read when <see cref="ApiKey"/> is not set.</summary>
    public const string ApiKeyEnvironmentVariable = "MEETSTREAM_API_KEY";

    /// <summary>The environment variable read when <see cref="BaseUrl"/> is not set.</summary>
    public const string BaseUrlEnvironmentVariable = "MEETSTREAM_API_URL";

    /// <summary>
    /// Gets or sets the API key from the dashboard (https://app.meetstream.ai/api-key). Sent as
    /// <c>Authorization: Token &lt;key&gt;</c>. When <see langword="null"/>, <c>MEETSTREAM_API_KEY</c> is used.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Gets or sets the API base URL including <c>/api/v1</c>. When <see langword="null"/>, <c>MEETSTREAM_API_URL</c>
    /// is used, then <see cref="DefaultBaseUrl"/>.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Gets or sets the limit for one HTTP attempt. Default 60 seconds, like the official SDKs.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets the limit for a whole call including every retry and the waits between them. Default 3 minutes.
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Gets the retry settings.</summary>
    public MeetStreamRetryOptions Retry { get; init; } = new();

    /// <summary>
    /// Gets or sets an application name appended to the <c>User-Agent</c> header
    /// (<c>meetstream-dotnet/&lt;version&gt; &lt;name&gt;</c>), so MeetStream support can tell your traffic apart.
    /// </summary>
    public string? ApplicationName { get; set; }

    /// <summary>
    /// Gets or sets the clock used for retry delays, timeouts and polling. Tests pass a fake one; default system time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Returns the settings with the API key masked.</summary>
    /// <returns>A one-line description that never contains the key.</returns>
    public override string ToString() =>
        $"MeetStreamClientOptions {{ ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(not set)" : "***")}, BaseUrl = {BaseUrl?.ToString() ?? "(default)"}, AttemptTimeout = {AttemptTimeout}, TotalTimeout = {TotalTimeout}, Retry = {Retry} }}";

    /// <summary>Creates an independent copy, resolving environment fallbacks.</summary>
    internal MeetStreamClientOptions Freeze(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var baseUrl = BaseUrl;
        if (baseUrl is null)
        {
            var fromEnvironment = environment(BaseUrlEnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                if (!Uri.TryCreate(fromEnvironment.Trim(), UriKind.Absolute, out baseUrl))
                {
                    throw new MeetStreamConfigurationException($"The environment variable {BaseUrlEnvironmentVariable} is not an absolute URL: '{fromEnvironment}'.");
                }
            }
        }

        return new MeetStreamClientOptions
        {
            ApiKey = string.IsNullOrWhiteSpace(ApiKey) ? environment(ApiKeyEnvironmentVariable)?.Trim() : ApiKey.Trim(),
            BaseUrl = baseUrl ?? DefaultBaseUrl,
            AttemptTimeout = AttemptTimeout,
            TotalTimeout = TotalTimeout,
            Retry = Retry.Clone(),
            ApplicationName = ApplicationName,
            TimeProvider = TimeProvider ?? TimeProvider.System,
        };
    }
}
