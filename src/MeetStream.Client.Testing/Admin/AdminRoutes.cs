using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MeetStream.Client.Testing;

/// <summary>
/// The simulator's own HTTP API under <c>/_simulator</c> (no API key; for non-.NET users and the standalone program):
/// media and transcript downloads, the journal, the clock, faults, scenarios and workspace webhooks.
/// </summary>
internal static class AdminRoutes
{
    public const string Prefix = "/_simulator";

    public static void Map(WebApplication app, MeetStreamSimulator simulator, ServedMedia media, TranscriptDownloads transcripts, IReadOnlyList<ApiRoute> routes)
    {
        app.MapGet(Prefix + "/media/{bot_id}/{file}", async context =>
        {
            var served = media.File(Route(context, "bot_id"), Route(context, "file"));
            if (served is not { } found)
            {
                await WriteAsync(context, 404, new JsonObject { ["message"] = "Media not found, not processed yet, or deleted" }).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = found.ContentType;
            context.Response.ContentLength = found.Bytes.Length;
            await context.Response.Body.WriteAsync(found.Bytes, context.RequestAborted).ConfigureAwait(false);
        });

        app.MapGet(Prefix + "/media/{bot_id}/captions.json", context =>
            WriteOrNotFoundAsync(context, transcripts.Captions(Route(context, "bot_id")), "No caption file for this bot"));

        app.MapGet(Prefix + "/transcripts/{transcript_id}/{file}", context =>
            WriteOrNotFoundAsync(context, transcripts.Transcript(Route(context, "transcript_id"), Route(context, "file")), "Transcript not found or not ready"));

        app.MapGet(Prefix, context => WriteAsync(context, 200, new JsonObject
        {
            ["name"] = "MeetStream simulator",
            ["base_url"] = simulator.BaseAddress.ToString(),
            ["api_key"] = simulator.ApiKey,
            ["time_scale"] = simulator.Clock.TimeScale,
            ["now"] = Json.Iso(simulator.Clock.UtcNow),
            ["scenarios"] = Json.Strings(SimulatorScenarios.All),
            ["routes"] = Json.Strings(routes.Select(r => $"{r.Method} {r.Route}")),
        }));

        app.MapGet(Prefix + "/journal", context =>
        {
            var snapshot = new SimulatorJournalSnapshot { Requests = simulator.Journal.Requests, Webhooks = simulator.Journal.Webhooks, Realtime = simulator.Journal.Realtime, Errors = simulator.Journal.Errors };
            return WriteBytesAsync(context, 200, JsonSerializer.SerializeToUtf8Bytes(snapshot, SimulatorJsonContext.Default.SimulatorJournalSnapshot));
        });

        app.MapDelete(Prefix + "/journal", context =>
        {
            simulator.Journal.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        app.MapGet(Prefix + "/bots", context => WriteAsync(context, 200, Json.Array(simulator.Bots.Select(b => (JsonNode?)BotBody(b)))));

        app.MapGet(Prefix + "/clock", context => WriteClockAsync(context, simulator.Clock));

        app.MapMethods(Prefix + "/clock", ["PUT", "PATCH"], async context =>
        {
            var body = await ReadAsync(context).ConfigureAwait(false);
            if (Json.Number(body, "time_scale") is not { } scale || scale < 0)
            {
                await WriteAsync(context, 400, new JsonObject { ["message"] = "time_scale must be a number >= 0" }).ConfigureAwait(false);
                return;
            }

            simulator.Clock.TimeScale = scale;
            await WriteClockAsync(context, simulator.Clock).ConfigureAwait(false);
        });

        app.MapPost(Prefix + "/clock/advance", async context =>
        {
            var body = await ReadAsync(context).ConfigureAwait(false);
            if (Json.Number(body, "seconds") is not { } seconds || seconds < 0)
            {
                await WriteAsync(context, 400, new JsonObject { ["message"] = "seconds must be a number >= 0" }).ConfigureAwait(false);
                return;
            }

            await simulator.Clock.AdvanceAsync(TimeSpan.FromSeconds(seconds), context.RequestAborted).ConfigureAwait(false);
            await WriteClockAsync(context, simulator.Clock).ConfigureAwait(false);
        });

        app.MapPost(Prefix + "/faults", async context =>
        {
            var body = await ReadAsync(context).ConfigureAwait(false);
            try
            {
                var route = Json.Str(body, "route") ?? "*";
                var status = Json.Int(body, "status") ?? 503;
                var count = Json.Int(body, "count") ?? 1;
                var method = Json.Str(body, "method");
                var retryAfter = Json.Number(body, "retry_after_seconds");
                simulator.Faults.Inject(route, status, count, method is null ? null : new HttpMethod(method), retryAfter is { } r ? TimeSpan.FromSeconds(r) : null, Json.Str(body, "message"));
            }
            catch (Exception ex) when (ex is ArgumentException or ApiError)
            {
                await WriteAsync(context, 400, new JsonObject { ["message"] = ex.Message }).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, 200, new JsonObject { ["pending"] = simulator.Faults.Pending }).ConfigureAwait(false);
        });

        app.MapDelete(Prefix + "/faults", context =>
        {
            simulator.Faults.Clear();
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });

        app.MapPost(Prefix + "/scenarios/next", async context =>
        {
            var body = await ReadAsync(context).ConfigureAwait(false);
            try
            {
                simulator.UseScenarioForNextBot(Json.Str(body, "scenario") ?? string.Empty);
            }
            catch (Exception ex) when (ex is ArgumentException or ApiError)
            {
                await WriteAsync(context, 400, new JsonObject { ["message"] = ex.Message }).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, 200, new JsonObject { ["message"] = "The next bot created will follow this scenario" }).ConfigureAwait(false);
        });

        app.MapPost(Prefix + "/webhooks", async context =>
        {
            var body = await ReadAsync(context).ConfigureAwait(false);
            try
            {
                var events = Json.Arr(body, "events")?.Select(e => e?.GetValue<string>() ?? string.Empty).ToArray();
                simulator.AddWorkspaceWebhook(new SimulatorWebhookEndpoint(Json.Str(body, "url") ?? string.Empty, Json.Str(body, "secret") ?? string.Empty) { Events = events });
            }
            catch (Exception ex) when (ex is ArgumentException or ApiError or InvalidOperationException)
            {
                await WriteAsync(context, 400, new JsonObject { ["message"] = ex.Message }).ConfigureAwait(false);
                return;
            }

            await WriteAsync(context, 201, new JsonObject { ["message"] = "Workspace webhook endpoint added; deliveries are signed with the secret" }).ConfigureAwait(false);
        });
    }

    private static JsonObject BotBody(SimulatedBotInfo bot) => new()
    {
        ["bot_id"] = bot.BotId,
        ["status"] = bot.Status.Value,
        ["scenario"] = bot.Scenario,
        ["platform"] = bot.Platform,
        ["meeting_link"] = bot.MeetingLink,
        ["transcript_id"] = bot.TranscriptId,
        ["status_history"] = Json.Strings(bot.StatusHistory),
        ["events"] = Json.Strings(bot.Events),
        ["commands"] = Json.Strings(bot.Commands),
        ["created_at"] = Json.Iso(bot.CreatedAt),
        ["join_at"] = bot.JoinAt is { } at ? Json.Iso(at) : null,
        ["live_audio_streamed_seconds"] = Math.Round(bot.LiveAudioStreamed.TotalSeconds, 3),
        ["speech_received_seconds"] = Math.Round(bot.SpeechReceived.TotalSeconds, 3),
        ["speech_played_seconds"] = Math.Round(bot.SpeechPlayed.TotalSeconds, 3),
        ["speech_dropped_seconds"] = Math.Round(bot.SpeechDropped.TotalSeconds, 3),
        ["has_left_meeting"] = bot.HasLeftMeeting,
        ["is_done"] = bot.IsDone,
    };

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name]?.ToString() ?? string.Empty;

    private static Task WriteClockAsync(HttpContext context, SimulatorClock clock) =>
        WriteBytesAsync(context, 200, JsonSerializer.SerializeToUtf8Bytes(
            new SimulatorClockInfo { Now = clock.UtcNow, TimeScale = clock.TimeScale, PendingSteps = clock.PendingSteps, NextStepAt = clock.NextStepAt },
            SimulatorJsonContext.Default.SimulatorClockInfo));

    private static Task WriteOrNotFoundAsync(HttpContext context, JsonNode? body, string message) =>
        body is null ? WriteAsync(context, 404, new JsonObject { ["message"] = message }) : WriteAsync(context, 200, body);

    private static Task WriteAsync(HttpContext context, int status, JsonNode body) =>
        WriteBytesAsync(context, status, Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static async Task WriteBytesAsync(HttpContext context, int status, byte[] bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(buffer.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
