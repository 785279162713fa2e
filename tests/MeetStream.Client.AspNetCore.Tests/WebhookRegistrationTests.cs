using System.Collections.Concurrent;
using System.Net;
using MeetStream.Client.AspNetCore.Tests.Infrastructure;
using MeetStream.Client.Tests.Webhooks;
using MeetStream.Client.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.AspNetCore.Tests;

public sealed class WebhookRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_NothingAccepted_FailsNamingTheSettings()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMeetStreamWebhooks(_ => { });
        await using var app = builder.Build();
        app.MapMeetStreamWebhooks();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(Ct));

        Assert.Contains("SigningSecrets", error.Message, StringComparison.Ordinal);
        Assert.Contains("AllowUnsignedDeliveries", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadLimits_FailsNamingEachSetting()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddMeetStreamWebhooks(o =>
        {
            o.SigningSecrets.Add("whsec_test");
            o.QueueCapacity = 0;
            o.MaxBodyBytes = -1;
            o.EnqueueTimeout = TimeSpan.Zero;
        });
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(Ct));

        Assert.Contains("QueueCapacity must be positive; got 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBodyBytes must be positive; got -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("EnqueueTimeout must be positive", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapMeetStreamWebhooks_WithoutServices_ThrowsWithFix()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapMeetStreamWebhooks());

        Assert.Contains("AddMeetStreamWebhooks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMeetStreamWebhooks_FromConfiguration_ReadsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetStream:Webhooks:SigningSecrets:0"] = "whsec_new",
            ["MeetStream:Webhooks:SigningSecrets:1"] = "whsec_old",
            ["MeetStream:Webhooks:CallbackTokenSecret"] = "cb_secret",
            ["MeetStream:Webhooks:AllowUnsignedDeliveries"] = "true",
            ["MeetStream:Webhooks:TimestampTolerance"] = "00:02:00",
            ["MeetStream:Webhooks:RequireTimestamp"] = "true",
            ["MeetStream:Webhooks:MaxBodyBytes"] = "65536",
            ["MeetStream:Webhooks:QueueCapacity"] = "64",
            ["MeetStream:Webhooks:EnqueueTimeout"] = "2.5",
            ["MeetStream:Webhooks:EnableDeduplication"] = "false",
            ["MeetStream:Webhooks:DeduplicationCapacity"] = "100",
            ["MeetStream:Webhooks:DeduplicationExpiry"] = "01:00:00",
        }).Build();
        var services = new ServiceCollection();

        services.AddMeetStreamWebhooks(configuration.GetSection("MeetStream:Webhooks"), o => o.QueueCapacity *= 2);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value;

        Assert.Equal(["whsec_new", "whsec_old"], options.SigningSecrets);
        Assert.Equal(["cb_secret"], options.CallbackTokenSecrets);
        Assert.True(options.AllowUnsignedDeliveries);
        Assert.Equal(TimeSpan.FromMinutes(2), options.TimestampTolerance);
        Assert.True(options.RequireTimestamp);
        Assert.Equal(65536, options.MaxBodyBytes);
        Assert.Equal(128, options.QueueCapacity);
        Assert.Equal(TimeSpan.FromSeconds(2.5), options.EnqueueTimeout);
        Assert.False(options.EnableDeduplication);
        Assert.Equal(100, options.DeduplicationCapacity);
        Assert.Equal(TimeSpan.FromHours(1), options.DeduplicationExpiry);
    }

    [Fact]
    public void AddMeetStreamWebhooks_ToleranceOff_DisablesTheWindow()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SigningSecret"] = "s", ["TimestampTolerance"] = "off" }).Build();
        var services = new ServiceCollection();

        services.AddMeetStreamWebhooks(configuration);

        Assert.Null(services.BuildServiceProvider().GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value.TimestampTolerance);
    }

    [Fact]
    public void AddMeetStreamWebhooks_BadConfigurationValue_NamesTheKeyNotTheSecret()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Webhooks:SigningSecret"] = "whsec_private",
            ["Webhooks:QueueCapacity"] = "lots",
        }).Build();
        var services = new ServiceCollection();
        services.AddMeetStreamWebhooks(configuration.GetSection("Webhooks"));

        var error = Assert.Throws<MeetStreamConfigurationException>(() => services.BuildServiceProvider().GetRequiredService<IOptions<MeetStreamWebhookOptions>>().Value);

        Assert.Contains("Webhooks:QueueCapacity", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_private", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ToString_MasksSecretsAndShowsLimits()
    {
        var options = new MeetStreamWebhookOptions { QueueCapacity = 12 };
        options.SigningSecrets.Add("whsec_private");
        options.CallbackTokenSecrets.Add("cb_private");

        var text = options.ToString();

        Assert.DoesNotContain("private", text, StringComparison.Ordinal);
        Assert.Contains("SigningSecrets = [***]", text, StringComparison.Ordinal);
        Assert.Contains("QueueCapacity = 12", text, StringComparison.Ordinal);
        Assert.EndsWith("}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseDeduplicationStore_CustomStore_ReceivesTheKeys()
    {
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.UseDeduplicationStore<RecordingStore>());
        var store = (RecordingStore)host.App.Services.GetRequiredService<IWebhookDeduplicationStore>();

        using var response = await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.VideoProcessed), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WebhookParser.Parse(WebhookPayloads.VideoProcessed).DeduplicationKey, Assert.Single(store.Claimed));
    }

    [Fact]
    public async Task UseDeduplicationStore_Instance_IsUsed()
    {
        var store = new InMemoryWebhookDeduplicationStore(capacity: 10);
        await using var host = await WebhookTestHost.StartAsync(handlers: b => b.UseDeduplicationStore(store));

        (await host.Client.SendAsync(WebhookTestHost.Signed(WebhookPayloads.VideoProcessed), Ct)).Dispose();

        Assert.False(store.TryClaim(WebhookParser.Parse(WebhookPayloads.VideoProcessed).DeduplicationKey!));
    }

    private sealed class RecordingStore : IWebhookDeduplicationStore
    {
        public ConcurrentQueue<string> Claimed { get; } = new();

        public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken = default)
        {
            Claimed.Enqueue(key);
            return ValueTask.FromResult(true);
        }

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
    }
}
