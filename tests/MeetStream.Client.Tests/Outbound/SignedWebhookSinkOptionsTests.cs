using MeetStream.Client.Outbound;
using MeetStream.Client.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.Tests.Outbound;

/// <summary>Options validation (each message naming the setting), secrets kept out of <c>ToString()</c>, and DI registration.</summary>
public sealed class SignedWebhookSinkOptionsTests
{
    public static TheoryData<string, Action<SignedWebhookSinkOptions>> BadOptions => new()
    {
        { "Endpoint is required", o => o.Endpoint = null },
        { "Endpoint must be an absolute http or https URL; got a relative URL", o => o.Endpoint = new Uri("/hook", UriKind.Relative) },
        { "Endpoint must be an absolute http or https URL; got scheme 'ftp'", o => o.Endpoint = new Uri("ftp://example.com/hook") },
        { "Secret must not be empty", o => o.Secret = " " },
        { "SignatureHeader must be a valid HTTP header name", o => o.SignatureHeader = "X Bad:Header" },
        { "QueueCapacity must be at least 1; got 0", o => o.QueueCapacity = 0 },
        { "MaxAttempts must be between 1 and 100; got 0", o => o.MaxAttempts = 0 },
        { "InitialBackoff must not be negative", o => o.InitialBackoff = TimeSpan.FromSeconds(-1) },
        { "InitialBackoff (00:01:00) must not exceed MaxBackoff (00:00:30)", o => o.InitialBackoff = TimeSpan.FromMinutes(1) },
        { "MaxRetryAfter must not be negative", o => o.MaxRetryAfter = TimeSpan.FromSeconds(-1) },
        { "DrainTimeout must not be negative", o => o.DrainTimeout = TimeSpan.FromSeconds(-1) },
        { "Timeout must be positive", o => o.Timeout = TimeSpan.Zero },
        { "Name must not be empty", o => o.Name = "" },
        { "TimeProvider must not be null", o => o.TimeProvider = null! },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Constructor_BadOption_ArgumentExceptionNamingTheOption(string expected, Action<SignedWebhookSinkOptions> spoil)
    {
        var options = new SignedWebhookSinkOptions { Endpoint = new Uri("https://hooks.example.com/in") };
        spoil(options);

        var error = Assert.Throws<ArgumentException>(() => new SignedWebhookSink(options));

        Assert.Equal("options", error.ParamName);
        Assert.Contains("SignedWebhookSinkOptions." + expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullOptions_ArgumentNullException() =>
        Assert.Equal("options", Assert.Throws<ArgumentNullException>(() => new SignedWebhookSink(null!)).ParamName);

    [Fact]
    public async Task ToString_HidesSecretPathAndQuery()
    {
        var options = new SignedWebhookSinkOptions
        {
            Endpoint = new Uri("https://user:pass@hooks.example.com:8443/services/T0/B0/PATHSECRET?token=QUERYSECRET"),
            Secret = "whsec_TOPSECRET",
            TimeProvider = new FakeTimeProvider(),
        };
        await using var sink = new SignedWebhookSink(options);

        foreach (var text in new[] { options.ToString(), sink.ToString() })
        {
            Assert.Contains("https://hooks.example.com:8443/", text, StringComparison.Ordinal);
            Assert.DoesNotContain("TOPSECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("PATHSECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("QUERYSECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain("pass", text, StringComparison.Ordinal);
        }

        Assert.Contains("Secret = ***", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("(signed)", sink.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_CopiesOptions_LaterChangesIgnored()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var options = SignedWebhookSinkDeliveryTests.Options(receiver, new FakeTimeProvider());
        await using var sink = new SignedWebhookSink(options);
        options.Endpoint = new Uri("http://127.0.0.1:1/elsewhere");

        sink.TryEnqueue("{}"u8.ToArray());
        await sink.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, sink.Delivered);
    }

    [Fact]
    public async Task AddSignedWebhookSink_DefaultAndNamed_ResolvedAndDelivering()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSignedWebhookSink(o => o.Endpoint = new Uri(receiver.BaseUri, "/default"));
        services.AddSignedWebhookSink("crm", o =>
        {
            o.Endpoint = new Uri(receiver.BaseUri, "/crm");
            o.Secret = "crm-secret";
        });
        await using var provider = services.BuildServiceProvider();

        var fallback = provider.GetRequiredService<SignedWebhookSink>();
        var crm = provider.GetRequiredKeyedService<SignedWebhookSink>("crm");
        Assert.Same(fallback, provider.GetRequiredKeyedService<SignedWebhookSink>(string.Empty));
        Assert.NotSame(fallback, crm);
        Assert.Equal("default", fallback.Name);
        Assert.Equal("crm", crm.Name);

        fallback.TryEnqueue("{}"u8.ToArray());
        crm.TryEnqueue("[]"u8.ToArray());
        await fallback.FlushAsync(TestContext.Current.CancellationToken);
        await crm.FlushAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["/crm", "/default"], receiver.Requests.Select(r => r.PathAndQuery).Order());
        var signed = Assert.Single(receiver.Requests, r => r.PathAndQuery == "/crm");
        Assert.True(SignedWebhookSink.VerifySignature(signed.Body, signed.Header("X-MeetStream-Signature"), "crm-secret"));
    }

    [Fact]
    public void AddSignedWebhookSink_InvalidOptions_OptionsValidationExceptionNamingSinkAndSetting()
    {
        var services = new ServiceCollection();
        services.AddSignedWebhookSink("slack", o => o.QueueCapacity = 0);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<SignedWebhookSink>("slack"));

        Assert.Contains("Signed webhook sink 'slack': SignedWebhookSinkOptions.Endpoint is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("QueueCapacity must be at least 1", error.Message, StringComparison.Ordinal);
    }
}
