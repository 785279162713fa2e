using MeetStream.Client.Lambda.Tests.Infrastructure;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Secrets;

/// <summary>Secrets from environment variables or the Parameters and Secrets extension (a Kestrel fake), cached per warm instance.</summary>
public sealed class LambdaSecretProviderTests : IAsyncLifetime
{
    private readonly Dictionary<string, string> _environment = new() { ["AWS_SESSION_TOKEN"] = FakeSecretsExtension.Token };
    private readonly FakeTimeProvider _clock = new();
    private FakeSecretsExtension _extension = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _extension = await FakeSecretsExtension.StartAsync();

    public ValueTask DisposeAsync() => _extension.DisposeAsync();

    [Fact]
    public async Task GetAsync_EnvironmentVariableSet_ReturnsItWithoutCallingTheExtension()
    {
        _environment["MEETSTREAM_API_KEY"] = "ms_from_env";
        using var provider = Create();

        Assert.Equal("ms_from_env", await provider.GetAsync("MEETSTREAM_API_KEY", Ct));
        Assert.Empty(_extension.Requests);
    }

    [Fact]
    public async Task GetAsync_SecretId_ReadsSecretStringThroughTheExtension()
    {
        _environment["MEETSTREAM_API_KEY_SECRET_ID"] = "prod/meetstream/api-key";
        _extension.Secrets["prod/meetstream/api-key"] = "ms_from_secrets_manager";
        using var provider = Create();

        Assert.Equal("ms_from_secrets_manager", await provider.GetAsync("MEETSTREAM_API_KEY", Ct));
        Assert.Equal("/secretsmanager/get?secretId=prod%2Fmeetstream%2Fapi-key", Assert.Single(_extension.Requests));
    }

    [Fact]
    public async Task GetAsync_SecretIdWithJsonKey_ReadsThatProperty()
    {
        _environment["MEETSTREAM_WEBHOOK_SECRET_SECRET_ID"] = "meetstream";
        _environment["MEETSTREAM_WEBHOOK_SECRET_SECRET_JSON_KEY"] = "webhookSecret";
        _extension.Secrets["meetstream"] = "{\"apiKey\":\"ms_x\",\"webhookSecret\":\"whsec_y\"}";
        using var provider = Create();

        Assert.Equal("whsec_y", await provider.GetAsync("MEETSTREAM_WEBHOOK_SECRET", Ct));
    }

    [Fact]
    public async Task GetAsync_JsonKeyMissing_ThrowsWithoutEchoingTheSecret()
    {
        _environment["MEETSTREAM_WEBHOOK_SECRET_SECRET_ID"] = "meetstream";
        _environment["MEETSTREAM_WEBHOOK_SECRET_SECRET_JSON_KEY"] = "nope";
        _extension.Secrets["meetstream"] = "{\"apiKey\":\"ms_very_secret\"}";
        using var provider = Create();

        var error = await Assert.ThrowsAsync<LambdaSecretException>(() => provider.GetAsync("MEETSTREAM_WEBHOOK_SECRET", Ct));

        Assert.Contains("'nope'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ms_very_secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_Parameter_ReadsTheDecryptedValue()
    {
        _environment["MEETSTREAM_API_KEY_PARAMETER"] = "/meetstream/api-key";
        _extension.Parameters["/meetstream/api-key"] = "ms_from_ssm";
        using var provider = Create();

        Assert.Equal("ms_from_ssm", await provider.GetAsync("MEETSTREAM_API_KEY", Ct));
        Assert.Equal("/systemsmanager/parameters/get?name=%2Fmeetstream%2Fapi-key&withDecryption=true", Assert.Single(_extension.Requests));
    }

    [Fact]
    public async Task GetAsync_TwiceInOneWarmInstance_CallsTheExtensionOnce()
    {
        _environment["MEETSTREAM_API_KEY_SECRET_ID"] = "key";
        _extension.Secrets["key"] = "v1";
        using var provider = Create();

        await provider.GetAsync("MEETSTREAM_API_KEY", Ct);
        _extension.Secrets["key"] = "v2";
        _clock.Advance(TimeSpan.FromHours(5));

        Assert.Equal("v1", await provider.GetAsync("MEETSTREAM_API_KEY", Ct));
        Assert.Single(_extension.Requests);
    }

    [Fact]
    public async Task GetAsync_CacheDurationPassed_ReadsTheRotatedValue()
    {
        _environment["MEETSTREAM_API_KEY_SECRET_ID"] = "key";
        _extension.Secrets["key"] = "v1";
        using var provider = Create(o => o.CacheDuration = TimeSpan.FromMinutes(5));

        await provider.GetAsync("MEETSTREAM_API_KEY", Ct);
        _extension.Secrets["key"] = "v2";
        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal("v2", await provider.GetAsync("MEETSTREAM_API_KEY", Ct));
    }

    [Fact]
    public async Task GetAsync_ExtensionRefuses_ThrowsWithStatusAndIamHint()
    {
        _environment["MEETSTREAM_API_KEY_SECRET_ID"] = "missing";
        using var provider = Create();

        var error = await Assert.ThrowsAsync<LambdaSecretException>(() => provider.GetAsync("MEETSTREAM_API_KEY", Ct));

        Assert.Contains("answered 400", error.Message, StringComparison.Ordinal);
        Assert.Contains("secretsmanager:GetSecretValue", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_NoSessionToken_ThrowsExplainingTheExtensionNeedsIt()
    {
        _environment.Remove("AWS_SESSION_TOKEN");
        _environment["MEETSTREAM_API_KEY_SECRET_ID"] = "key";
        using var provider = Create();

        var error = await Assert.ThrowsAsync<LambdaSecretException>(() => provider.GetAsync("MEETSTREAM_API_KEY", Ct));

        Assert.Contains("AWS_SESSION_TOKEN is not set", error.Message, StringComparison.Ordinal);
        Assert.Empty(_extension.Requests);
    }

    [Fact]
    public async Task GetAsync_NothingConfigured_ReturnsNull()
    {
        using var provider = Create();

        Assert.Null(await provider.GetAsync("MEETSTREAM_API_KEY", Ct));
    }

    [Fact]
    public async Task GetRequiredAsync_NothingConfigured_ThrowsNamingEveryOption()
    {
        using var provider = Create();

        var error = await Assert.ThrowsAsync<LambdaSecretException>(() => provider.GetRequiredAsync("MEETSTREAM_API_KEY", Ct));

        Assert.Contains("MEETSTREAM_API_KEY_SECRET_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("MEETSTREAM_API_KEY_PARAMETER", error.Message, StringComparison.Ordinal);
    }

    private LambdaSecretProvider Create(Action<LambdaSecretProviderOptions>? configure = null)
    {
        var options = new LambdaSecretProviderOptions
        {
            ExtensionEndpoint = _extension.Url,
            GetEnvironmentVariable = name => _environment.TryGetValue(name, out var value) ? value : null,
            TimeProvider = _clock,
        };
        configure?.Invoke(options);
        return new LambdaSecretProvider(options);
    }
}
