using System.Diagnostics;
using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Core;

public sealed class TracingTests(WireMockServer wireMock)
{
    [Fact]
    public async Task Request_WithListener_EmitsClientActivityWithTemplateAndStatus()
    {
        var scope = wireMock.CreateScope();
        await scope.StubAsync("GET", "/bots/b-9/status", 404, new JsonObject { ["message"] = "nope" }, new Dictionary<string, string> { ["x-request-id"] = "rid-9" });
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "MeetStream.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (activities)
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var client = TestClients.Create(scope);

        await Assert.ThrowsAsync<MeetStreamNotFoundException>(() => client.Transport.SendAsync(
            Http.ApiRequest.Get("/bots/{bot_id}/status").WithPath("bot_id", "b-9"),
            Serialization.MeetStreamJsonContext.Default.JsonElement,
            TestContext.Current.CancellationToken));

        Activity activity;
        lock (activities)
        {
            activity = Assert.Single(activities, a => (string?)a.GetTagItem("url.template") == "/bots/{bot_id}/status" && (string?)a.GetTagItem("meetstream.request_id") == "rid-9");
        }

        Assert.Equal(ActivityKind.Client, activity.Kind);
        Assert.Equal("MeetStream GET /bots/{bot_id}/status", activity.DisplayName);
        Assert.Equal(404, activity.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }
}
