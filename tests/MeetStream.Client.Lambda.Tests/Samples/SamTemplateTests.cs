using System.Text.RegularExpressions;
using MeetStream.Client.TestSupport.Processes;

namespace MeetStream.Client.Lambda.Tests.Samples;

/// <summary>
/// The sample's SAM template (samples/LambdaPipeline/template.yaml) wires what the package reads: every function it
/// declares is one <see cref="MeetStreamPipeline"/> can build, and the keyword-alert function gets its queue (with a
/// dead-letter queue), the environment it requires and the permission to send.
/// </summary>
public sealed partial class SamTemplateTests
{
    private static readonly string Template = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "LambdaPipeline", "template.yaml"));

    [Fact]
    public void EveryFunctionInTheTemplate_IsOneThePipelineBuilds()
    {
        var names = FunctionName().Matches(Template).Select(m => m.Groups[1].Value).ToArray();

        Assert.Equal(["webhook", "calendar-trigger", "transcript", "keyword-alerts"], names);
        Assert.All(names, name => Assert.Equal(name, MeetStreamPipeline.ResolveFunctionName(v => v == MeetStreamPipeline.FunctionEnvironmentVariable ? name : null)));
    }

    [Fact]
    public void KeywordAlertsFunction_HasItsQueueDeadLetterQueueSettingsAndSendPermission()
    {
        var function = Section("KeywordAlertsFunction");
        var queue = Section("KeywordAlertsQueue");

        Assert.Contains("MEETSTREAM_KEYWORD_QUEUE_URL: !Ref KeywordAlertsQueue", function, StringComparison.Ordinal);
        Assert.Contains("MEETSTREAM_KEYWORDS: !Ref Keywords", function, StringComparison.Ordinal);
        Assert.Contains("SQSSendMessagePolicy:", function, StringComparison.Ordinal);
        Assert.Contains("QueueName: !GetAtt KeywordAlertsQueue.QueueName", function, StringComparison.Ordinal);
        Assert.Contains("Type: HttpApi", function, StringComparison.Ordinal);
        Assert.Contains("deadLetterTargetArn: !GetAtt KeywordAlertsDeadLetterQueue.Arn", queue, StringComparison.Ordinal);
        Assert.Contains("Type: AWS::SQS::Queue", Section("KeywordAlertsDeadLetterQueue"), StringComparison.Ordinal);
        Assert.Contains("KeywordAlertsQueueUrl:", Template, StringComparison.Ordinal);
        Assert.Contains("KeywordAlertsUrl:", Template, StringComparison.Ordinal);
    }

    [Fact]
    public void TranscriptFunction_MayWriteTheAnalyticsKeyBesideTheTranscript()
    {
        var function = Section("TranscriptFunction");
        var store = new S3TranscriptStore(new Amazon.S3.AmazonS3Client(new Amazon.Runtime.BasicAWSCredentials("a", "b"), Amazon.RegionEndpoint.USEast1), new S3TranscriptStoreOptions { BucketName = "bucket" });

        Assert.Contains("Resource: !Sub '${TranscriptsBucket.Arn}/transcripts/*'", function, StringComparison.Ordinal);
        Assert.StartsWith("transcripts/", store.AnalyticsKeyFor("bot", "tr"), StringComparison.Ordinal);
    }

    // A top-level resource's block: from "  Name:" to the next line indented by two spaces.
    private static string Section(string resource)
    {
        var start = Template.IndexOf("\n  " + resource + ":\n", StringComparison.Ordinal);
        Assert.True(start >= 0, resource + " is not in the template.");
        var next = ResourceStart().Match(Template, start + resource.Length + 4);
        return next.Success ? Template[start..next.Index] : Template[start..];
    }

    [GeneratedRegex(@"MEETSTREAM_FUNCTION: ([a-z-]+)")]
    private static partial Regex FunctionName();

    [GeneratedRegex(@"\n  [A-Za-z]+:\n")]
    private static partial Regex ResourceStart();
}
