namespace MeetStream.Client.Testing;

/// <summary>One REST route: its method, its template relative to <c>/api/v1</c>, and the handler that answers it (run under the engine's lock).</summary>
internal sealed record ApiRoute(string Method, string Route, Func<ApiCall, ApiResult> Handler);
