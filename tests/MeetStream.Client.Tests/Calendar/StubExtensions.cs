using System.Text.Json.Nodes;
using MeetStream.Client.Tests.Infrastructure;

namespace MeetStream.Client.Tests.Calendar;

/// <summary>WireMock stubs that also match query parameters (the scope's own helper ignores the query).</summary>
internal static class StubExtensions
{
    /// <summary>Stubs a GET whose query parameters match: a value means equal to it, <see langword="null"/> means absent.</summary>
    public static Task StubQueryAsync(this WireMockScope scope, string method, string apiPath, IDictionary<string, string?> query, int status, JsonNode body) =>
        scope.StubAsync(method, apiPath, status, body, options: new StubOptions { Query = new Dictionary<string, string?>(query) });
}
