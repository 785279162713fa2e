using System.Net;
using System.Text;
using MeetStream.Client;
using MeetStream.Client.Analytics;
using MeetStream.Client.Keywords;
using MeetStream.Client.Outbound;
using MeetStream.Client.Webhooks;

/// <summary>AOT checks of meeting intelligence: keyword spotting, talk-time analytics and the signed outbound sink.</summary>
internal static class IntelligenceSmoke
{
    public static async Task RunAsync(List<string> failures)
    {
        // Keywords: post-call text and two live chunks of one turn ("pricing model" split across them).
        var spotter = new KeywordSpotter([new KeywordDefinition("pricing model", "pricing"), new KeywordDefinition("Acme", "competitor")]);
        Check(failures, spotter.FindAll("The PRICING-model of Acmé?").Count == 2, "keyword spotter folds case, accents and separators");
        var live = spotter.CreateLiveSpotter();
        var first = (LiveTranscriptEvent)WebhookParser.Parse("{\"bot_id\":\"b1\",\"speakerName\":\"Dana\",\"new_text\":\"our pricing\",\"transcript\":\"our pricing\",\"is_final\":false}");
        var second = (LiveTranscriptEvent)WebhookParser.Parse("{\"bot_id\":\"b1\",\"speakerName\":\"Dana\",\"new_text\":\"model\",\"transcript\":\"our pricing model\",\"is_final\":true,\"end_of_turn\":true}");
        var hits = live.Process(first).Count + live.Process(second).Count + live.Process(second).Count;
        Check(failures, hits == 1, "live keyword spotter alerts once for a phrase split across chunks");

        // Talk time from a transcript.
        var transcript = Transcript.Parse("[{\"speaker\":\"Ada\",\"transcript\":\"Hello there, how are you?\",\"start_time\":0,\"end_time\":3},{\"speaker\":\"Bob\",\"transcript\":\"Fine.\",\"start_time\":4,\"end_time\":5}]");
        var report = TalkTimeAnalyzer.FromTranscript(transcript);
        Check(failures, report.Participants.Count == 2 && report.Participants[0].Name == "Ada" && report.Participants[0].TalkTime == TimeSpan.FromSeconds(3), "talk-time analytics");
        Check(failures, report.ToText().Contains("Ada", StringComparison.Ordinal), "talk-time text report");

        // The signed sink POSTs to a loopback listener that verifies the signature.
        const string secret = "aot-sink-secret";
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var verified = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var ok = SignedWebhookSink.VerifySignature(buffer.ToArray(), context.Request.Headers[SignedWebhookSinkOptions.DefaultSignatureHeader], secret);
            context.Response.StatusCode = ok ? 200 : 401;
            context.Response.Close();
            verified.TrySetResult(ok);
        });
        await using (var sink = new SignedWebhookSink(new SignedWebhookSinkOptions { Endpoint = new Uri($"http://127.0.0.1:{port}/hook"), Secret = secret }))
        {
            Check(failures, sink.TryEnqueue(Encoding.UTF8.GetBytes("{\"alert\":\"pricing\"}")), "sink accepts a payload");
            await sink.FlushAsync();
            Check(failures, sink.Delivered == 1, "sink delivered the payload");
        }

        Check(failures, await verified.Task.WaitAsync(TimeSpan.FromMinutes(1)), "sink signature verifies on the receiver");
        listener.Stop();
    }

    private static void Check(List<string> failures, bool condition, string what)
    {
        if (!condition)
        {
            failures.Add(what);
        }
    }

    private static int FreePort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
