using MeetStream.Client.Redis.Configuration;
using MeetStream.Client.Redis.Deduplication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.Redis.Tests.Configuration;

/// <summary><c>UseRedis(...)</c> validates its options when the host starts, naming the setting and never echoing a password.</summary>
public sealed class UseRedisConfigurationTests
{
    [Theory]
    [InlineData("127.0.0.1:6379,password=s3cr3t-pw,bogusOption=1", "not a valid")]
    [InlineData("127.0.0.1:6379,password=s3cr3t-pw,connectTimeout=soon", "not a valid")]
    [InlineData("password=s3cr3t-pw", "names no server endpoint")]
    [InlineData("   ", "is required")]
    public async Task StartAsync_BadConnectionString_ThrowsNamingTheSettingWithoutThePassword(string connectionString, string reason)
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RedisReplicaHost.StartAsync(connectionString));

        Assert.Contains("MeetStreamRedisOptions.ConnectionString", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadOtherOptions_ListsEverySetting()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RedisReplicaHost.StartAsync("127.0.0.1:6379", redis: o =>
        {
            o.KeyPrefix = "has space:";
            o.DeduplicationExpiry = TimeSpan.Zero;
            o.WhenDeduplicationUnavailable = (RedisUnavailableBehavior)42;
            o.ReplicaId = "";
        }));

        Assert.Contains("MeetStreamRedisOptions.KeyPrefix", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.DeduplicationExpiry", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.WhenDeduplicationUnavailable", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.ReplicaId", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_BadOptionsOfEveryFeature_OneExceptionListsThemAll()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => RedisReplicaHost.StartAsync("127.0.0.1:6379,password=s3cr3t-pw", redis: o =>
        {
            o.DeliveryTimeout = TimeSpan.Zero;
            o.DeduplicationExpiry = TimeSpan.FromSeconds(-1);
            o.Inbox.MaxDeliveryAttempts = 0;
            o.Inbox.ConsumerGroup = " ";
            o.Inbox.ClaimInterval = TimeSpan.Zero;
        }));

        Assert.Contains("MeetStreamRedisOptions.DeliveryTimeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.DeduplicationExpiry", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.Inbox.MaxDeliveryAttempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.Inbox.ConsumerGroup", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MeetStreamRedisOptions.Inbox.ClaimInterval", ex.Message, StringComparison.Ordinal);
        Assert.Equal(5, ex.Failures.Count());
        Assert.DoesNotContain("s3cr3t-pw", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InboxOff_InboxSettingsNotChecked()
    {
        await using var redis = await Infrastructure.RedisServer.StartAsync(TestContext.Current.CancellationToken);

        await using var host = await RedisReplicaHost.StartAsync(redis.ConnectionString, redis: o =>
        {
            o.EnableInbox = false;
            o.Inbox.MaxDeliveryAttempts = 0;
        });

        Assert.NotNull(host.App);
    }

    [Fact]
    public void UseRedis_CalledTwice_ThrowsInvalidOperation()
    {
        var webhooks = new ServiceCollection().AddMeetStreamWebhooks(o => o.SigningSecrets.Add("s")).UseRedis("127.0.0.1:6379");

        Assert.Throws<InvalidOperationException>(() => webhooks.UseRedis("127.0.0.1:6379"));
    }

    [Fact]
    public void ToString_WithPasswordInConnectionString_HidesIt()
    {
        var options = new MeetStreamRedisOptions { ConnectionString = "redis:6379,password=s3cr3t-pw" };

        var text = options.ToString();

        Assert.DoesNotContain("s3cr3t-pw", text, StringComparison.Ordinal);
        Assert.Contains("(set, hidden)", text, StringComparison.Ordinal);
    }
}
