using System.Text;
using Amazon.S3.Model;
using MeetStream.Client.Lambda.Tests.Infrastructure;

namespace MeetStream.Client.Lambda.Tests.Storage;

/// <summary>The transcript store against real s3rver.</summary>
public sealed class S3TranscriptStoreTests(S3rverServer s3rver) : IAsyncLifetime
{
    private Amazon.S3.AmazonS3Client _client = null!;
    private string _bucket = null!;
    private S3TranscriptStore _store = null!;

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _bucket = await s3rver.CreateBucketAsync();
        _client = s3rver.CreateClient();
        _store = new S3TranscriptStore(_client, new S3TranscriptStoreOptions { BucketName = _bucket });
    }

    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task PutAsync_Transcript_WritesBytesExactlyUnderTheDerivedKey()
    {
        var json = Encoding.UTF8.GetBytes("[{\"speaker\":\"Zoë\",\"transcript\":\"Hello — world\",\"start_time\":0.5,\"end_time\":1.25}]");

        var key = await _store.PutAsync("bot-1", "tr-1", json, Ct);

        Assert.Equal("transcripts/bot-1/tr-1.json", key);
        using var stored = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, Ct);
        using var buffer = new MemoryStream();
        await stored.ResponseStream.CopyToAsync(buffer, Ct);
        Assert.Equal(json, buffer.ToArray());
        Assert.StartsWith("application/json", stored.Headers.ContentType, StringComparison.Ordinal);
        Assert.Equal("bot-1", stored.Metadata["bot-id"]);
        Assert.Equal("tr-1", stored.Metadata["transcript-id"]);
    }

    [Fact]
    public async Task PutAsync_SameTranscriptTwice_KeepsOneObject()
    {
        await _store.PutAsync("bot-2", "tr-2", "[]"u8.ToArray(), Ct);
        await _store.PutAsync("bot-2", "tr-2", "[]"u8.ToArray(), Ct);

        var listed = await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _bucket, Prefix = "transcripts/bot-2/" }, Ct);
        Assert.Single(listed.S3Objects ?? []);
    }

    [Fact]
    public async Task GetAsync_StoredKey_ReturnsTheBytes()
    {
        var key = await _store.PutAsync("bot-3", "tr-3", "[1]"u8.ToArray(), Ct);

        Assert.Equal("[1]"u8.ToArray(), await _store.GetAsync(key, Ct));
    }

    [Fact]
    public async Task GetAsync_MissingKey_ReturnsNull()
    {
        Assert.Null(await _store.GetAsync("transcripts/none/none.json", Ct));
    }

    [Fact]
    public async Task CreateDownloadUrlAsync_Url_DownloadsTheObjectWithoutCredentials()
    {
        var key = await _store.PutAsync("bot-4", "tr-4", "[\"signed\"]"u8.ToArray(), Ct);

        var url = await _store.CreateDownloadUrlAsync(key, TimeSpan.FromMinutes(10), Ct);

        using var http = new HttpClient();
        Assert.Equal("[\"signed\"]", await http.GetStringAsync(url, Ct));
        var expires = System.Text.RegularExpressions.Regex.Match(url.Query, "X-Amz-Expires=([0-9]+)").Groups[1].Value;
        Assert.InRange(int.Parse(expires, System.Globalization.CultureInfo.InvariantCulture), 599, 601); // the SDK rounds against its own clock
    }

    [Fact]
    public async Task PutAsync_MissingBucket_ThrowsLambdaStorageException()
    {
        var store = new S3TranscriptStore(_client, new S3TranscriptStoreOptions { BucketName = "no-such-bucket-" + Guid.NewGuid().ToString("N")[..8] });

        var error = await Assert.ThrowsAsync<LambdaStorageException>(() => store.PutAsync("bot", "tr", "[]"u8.ToArray(), Ct));

        Assert.Equal("S3", error.Service);
        Assert.Equal("PutObject", error.Operation);
        Assert.Equal("NoSuchBucket", error.ErrorCode);
        Assert.Contains("bucket", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CreateDownloadUrlAsync_MoreThanSevenDays_ThrowsArgumentOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _store.CreateDownloadUrlAsync("k", TimeSpan.FromDays(8), Ct));
    }
}
