using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Storage;

public sealed class StorageClientTests(WireMockServer wireMock)
{
    private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    [Fact]
    public async Task SetAsync_FullConfig_SendsPutWithConfigTypeAndEveryField()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PUT", "/admin/configs", 200, new JsonObject { ["message"] = "Storage configuration saved" });
        using var client = TestClients.Create(scope);

        var result = await client.Storage.SetAsync(FullRequest(), cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("PUT", received.Method);
        Assert.Equal("/admin/configs?config_type=storage", received.Url);
        var body = received.Json!.AsObject();
        Assert.Equal(
            new[] { "provider", "bucket_name", "region", "access_key_id", "secret_key", "access_mode", "prefix", "prefixes", "endpoint_url" },
            body.Select(p => p.Key).ToArray());
        Assert.Equal("aws", body["provider"]!.GetValue<string>());
        Assert.Equal("acme-meetings", body["bucket_name"]!.GetValue<string>());
        Assert.Equal("eu-west-1", body["region"]!.GetValue<string>());
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", body["access_key_id"]!.GetValue<string>());
        Assert.Equal(Secret, body["secret_key"]!.GetValue<string>());
        Assert.Equal("write_only", body["access_mode"]!.GetValue<string>());
        Assert.Equal("meetstream/prod", body["prefix"]!.GetValue<string>());
        var prefixes = body["prefixes"]!.AsObject();
        Assert.Equal("audio", prefixes["audio"]!.GetValue<string>());
        Assert.Equal("video", prefixes["video"]!.GetValue<string>());
        Assert.Equal("transcripts", prefixes["transcript"]!.GetValue<string>());
        Assert.Equal("meta", prefixes["metadata"]!.GetValue<string>());
        Assert.Equal("https://0123456789abcdef.r2.cloudflarestorage.com", body["endpoint_url"]!.GetValue<string>());
        Assert.Equal("Storage configuration saved", result.Message);
    }

    [Fact]
    public async Task SetAsync_RequiredFieldsOnly_SendsNoOptionalFields()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PUT", "/admin/configs", 200);
        using var client = TestClients.Create(scope);

        var result = await client.Storage.SetAsync(
            new StorageConfigRequest { Provider = StorageProvider.AlibabaOss, BucketName = "b", Region = "cn-hangzhou", AccessKeyId = "LTAI5t", SecretKey = "s" },
            cancellationToken: TestContext.Current.CancellationToken);

        var body = (await scope.SingleReceivedAsync()).Json!.AsObject();
        Assert.Equal(new[] { "provider", "bucket_name", "region", "access_key_id", "secret_key" }, body.Select(p => p.Key).ToArray());
        Assert.Equal("alibaba_oss", body["provider"]!.GetValue<string>());
        Assert.Null(result.Message);
    }

    [Fact]
    public async Task SetAsync_ConfigTypeOverride_SendsGuideSpelling()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PUT", "/admin/configs", 200, new JsonObject());
        using var client = TestClients.Create(scope);

        await client.Storage.SetAsync(FullRequest(), "StorageConfig", TestContext.Current.CancellationToken);

        Assert.Equal("/admin/configs?config_type=StorageConfig", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task SetAsync_Status400_ErrorDoesNotContainSecret()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PUT", "/admin/configs", 400, new JsonObject { ["message"] = "HeadBucket failed: AccessDenied" });
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<MeetStreamBadRequestException>(() => client.Storage.SetAsync(FullRequest(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal("HeadBucket failed: AccessDenied", ex.ApiMessage);
        Assert.DoesNotContain(Secret, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("provider", "Provider (provider)")]
    [InlineData("bucket", "BucketName (bucket_name)")]
    [InlineData("region", "Region (region)")]
    [InlineData("key", "AccessKeyId (access_key_id)")]
    [InlineData("secret", "SecretKey (secret_key)")]
    [InlineData("endpoint", "EndpointUrl (endpoint_url)")]
    [InlineData("prefix", "'..'")]
    [InlineData("prefixes", "Prefixes.Video")]
    public async Task SetAsync_InvalidRequest_ThrowsNamingTheFieldWithoutRequest(string problem, string expected)
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);
        var request = problem switch
        {
            "provider" => Request(provider: new StorageProvider(string.Empty)),
            "bucket" => Request(bucket: " "),
            "region" => Request(region: ""),
            "key" => Request(keyId: ""),
            "secret" => Request(secret: " "),
            "endpoint" => Request(endpoint: "r2.cloudflarestorage.com"),
            "prefix" => Request(prefix: "meetstream/../other"),
            "prefixes" => Request(prefixes: new StoragePrefixes { Video = "../escape" }),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Storage.SetAsync(request, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ex.Message, StringComparison.Ordinal);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public async Task SetAsync_TypedConfigType_SendsItsWireValue()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("PUT", "/admin/configs", 200, new JsonObject());
        using var client = TestClients.Create(scope);

        await client.Storage.SetAsync(FullRequest(), StorageConfigType.StorageConfig, TestContext.Current.CancellationToken);
        await client.Storage.SetAsync(FullRequest(), StorageConfigType.Storage, TestContext.Current.CancellationToken);

        var urls = (await scope.ReceivedAsync()).Select(r => r.Url).ToArray();
        Assert.Equal(new[] { "/admin/configs?config_type=StorageConfig", "/admin/configs?config_type=storage" }, urls);
    }

    [Fact]
    public async Task SetAsync_DefaultConfigTypeStruct_ThrowsBeforeSending()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Storage.SetAsync(FullRequest(), default(StorageConfigType), TestContext.Current.CancellationToken));

        Assert.Equal("configType", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public void StorageConfigType_KnownValues_MatchTheSpecAndCompareIgnoringCase()
    {
        Assert.Equal("storage", StorageConfigType.Storage.Value);
        Assert.Equal("StorageConfig", StorageConfigType.StorageConfig.Value);
        Assert.Equal(StorageConfigType.StorageConfig, StorageConfigType.FromValue("storageconfig"));
        Assert.NotEqual(StorageConfigType.Storage, StorageConfigType.StorageConfig);
        Assert.Throws<ArgumentNullException>(() => new StorageConfigType(null!));
    }

    [Fact]
    public async Task SetAsync_EmptyConfigType_Throws()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Storage.SetAsync(FullRequest(), " ", TestContext.Current.CancellationToken));

        Assert.Equal("configType", ex.ParamName);
    }

    [Fact]
    public async Task SetAsync_NullRequest_ThrowsArgumentNull()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Storage.SetAsync(null!, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetAsync_Configured_ParsesEveryFieldAndKeepsUnknownOnes()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/admin/configs", 200, new JsonObject
        {
            ["provider"] = "aws",
            ["bucket_name"] = "acme-meetings",
            ["region"] = "eu-west-1",
            ["access_mode"] = "read_write",
            ["prefix"] = "meetstream",
            ["prefixes"] = new JsonObject { ["audio"] = "a", ["video"] = "v", ["transcript"] = "t", ["metadata"] = "m" },
            ["endpoint_url"] = "https://minio.internal.example.com:9000",
            ["validated_at"] = "2026-11-21T09:00:00Z",
        });
        using var client = TestClients.Create(scope);

        var config = await client.Storage.GetAsync(TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("GET", received.Method);
        Assert.Equal("/admin/configs", received.Url);
        Assert.True(config.IsConfigured);
        Assert.Equal(StorageProvider.Aws, config.Provider);
        Assert.Equal("acme-meetings", config.BucketName);
        Assert.Equal("eu-west-1", config.Region);
        Assert.Equal(StorageAccessMode.ReadWrite, config.AccessMode);
        Assert.Equal("meetstream", config.Prefix);
        Assert.Equal("a", config.Prefixes!.Audio);
        Assert.Equal("v", config.Prefixes.Video);
        Assert.Equal("t", config.Prefixes.Transcript);
        Assert.Equal("m", config.Prefixes.Metadata);
        Assert.Equal("https://minio.internal.example.com:9000", config.EndpointUrl);
        Assert.Equal("2026-11-21T09:00:00Z", config.AdditionalProperties!["validated_at"].GetString());
        Assert.Equal("acme-meetings", config.Json.GetProperty("bucket_name").GetString());
    }

    [Fact]
    public async Task GetAsync_WrappedInStorageObject_Unwraps()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/admin/configs", 200, new JsonObject
        {
            ["storage"] = new JsonObject { ["provider"] = "alibaba_oss", ["bucket_name"] = "oss-bucket", ["region"] = "cn-shanghai", ["access_mode"] = "write_only" },
        });
        using var client = TestClients.Create(scope);

        var config = await client.Storage.GetAsync(TestContext.Current.CancellationToken);

        Assert.Equal(StorageProvider.AlibabaOss, config.Provider);
        Assert.Equal("oss-bucket", config.BucketName);
        Assert.Equal(StorageAccessMode.WriteOnly, config.AccessMode);
    }

    [Fact]
    public async Task GetAsync_NothingConfigured_ReportsNotConfigured()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/admin/configs", 200, new JsonObject());
        using var client = TestClients.Create(scope);

        var config = await client.Storage.GetAsync(TestContext.Current.CancellationToken);

        Assert.False(config.IsConfigured);
        Assert.Null(config.Provider);
    }

    [Fact]
    public async Task DeleteAsync_Default_SendsKeyNameAws()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/admin/configs", 200, new JsonObject { ["message"] = "Storage configuration deleted" });
        using var client = TestClients.Create(scope);

        var result = await client.Storage.DeleteAsync(cancellationToken: TestContext.Current.CancellationToken);

        var received = await scope.SingleReceivedAsync();
        Assert.Equal("DELETE", received.Method);
        Assert.Equal("/admin/configs?key_name=aws", received.Url);
        Assert.Equal(string.Empty, received.Body);
        Assert.Equal("Storage configuration deleted", result.Message);
    }

    [Fact]
    public async Task DeleteAsync_OtherKeyName_SendsIt()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("DELETE", "/admin/configs", 200);
        using var client = TestClients.Create(scope);

        await client.Storage.DeleteAsync("alibaba_oss", TestContext.Current.CancellationToken);

        Assert.Equal("/admin/configs?key_name=alibaba_oss", (await scope.SingleReceivedAsync()).Url);
    }

    [Fact]
    public async Task DeleteAsync_EmptyKeyName_ThrowsWithoutRequest()
    {
        var scope = wireMock.CreateScope();
        using var client = TestClients.Create(scope);

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => client.Storage.DeleteAsync("", TestContext.Current.CancellationToken));

        Assert.Equal("keyName", ex.ParamName);
        Assert.Empty(await scope.ReceivedAsync());
    }

    [Fact]
    public void ToString_StorageRequest_MasksSecretAndShortensKeyId()
    {
        var text = FullRequest().ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", text, StringComparison.Ordinal);
        Assert.Contains("SecretKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("AKIA***", text, StringComparison.Ordinal);
        Assert.Contains("acme-meetings", text, StringComparison.Ordinal);
    }

    private static StorageConfigRequest FullRequest() => Request(
        accessMode: StorageAccessMode.WriteOnly,
        prefix: "meetstream/prod",
        prefixes: new StoragePrefixes { Audio = "audio", Video = "video", Transcript = "transcripts", Metadata = "meta" },
        endpoint: "https://0123456789abcdef.r2.cloudflarestorage.com");

    private static StorageConfigRequest Request(
        StorageProvider? provider = null,
        string bucket = "acme-meetings",
        string region = "eu-west-1",
        string keyId = "AKIAIOSFODNN7EXAMPLE",
        string secret = Secret,
        StorageAccessMode? accessMode = null,
        string? prefix = null,
        StoragePrefixes? prefixes = null,
        string? endpoint = null) => new()
        {
            Provider = provider ?? StorageProvider.Aws,
            BucketName = bucket,
            Region = region,
            AccessKeyId = keyId,
            SecretKey = secret,
            AccessMode = accessMode,
            Prefix = prefix,
            Prefixes = prefixes,
            EndpointUrl = endpoint,
        };
}
