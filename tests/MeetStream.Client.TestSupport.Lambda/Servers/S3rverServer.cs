using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace MeetStream.Client.Lambda.Tests.Infrastructure;

/// <summary>s3rver 3.7.1 (an S3 API on disk) for the whole test assembly; tests use their own buckets.</summary>
public sealed class S3rverServer : NodeServer
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "meetstream-s3rver-" + Guid.NewGuid().ToString("N"));

    protected override string Name => "s3rver";

    protected override string Script => Path.Combine("s3rver", "bin", "s3rver.js");

    protected override IEnumerable<string> Arguments(int port)
    {
        Directory.CreateDirectory(_directory);
        return ["-d", _directory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent"];
    }

    /// <summary>Creates a client for this server (s3rver accepts only the access key S3RVER and needs path-style URLs).</summary>
    public AmazonS3Client CreateClient() =>
        new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config { ServiceURL = Url.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    /// <summary>Creates a bucket with a fresh name.</summary>
    public async Task<string> CreateBucketAsync()
    {
        var name = "transcripts-" + Guid.NewGuid().ToString("N")[..12];
        using var client = CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = name });
        return name;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
