namespace MeetStream.Client.Tests.Infrastructure;

/// <summary>Builds clients pointed at a WireMock scope with test-friendly settings.</summary>
public static class TestClients
{
    /// <summary>The API key tests use; asserted in headers and checked to never leak.</summary>
    public const string ApiKey = "ms_test_key_5f1c2d3e4b";

    /// <summary>Creates a client for <paramref name="scope"/>: no jitter, short delays, a clock of the caller's choice.</summary>
    public static MeetStreamClient Create(WireMockScope scope, Action<MeetStreamClientOptions>? configure = null, Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null)
    {
        var options = new MeetStreamClientOptions
        {
            ApiKey = ApiKey,
            BaseUrl = scope.BaseUrl,
            AttemptTimeout = TimeSpan.FromSeconds(20),
            TotalTimeout = TimeSpan.FromSeconds(60),
        };
        options.Retry.UseJitter = false;
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        configure?.Invoke(options);
        return new MeetStreamClient(options, loggerFactory);
    }
}
