using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>The custom storage routes as Refit declares them; see <see cref="IBotsRoutes"/> for the conventions.</summary>
internal interface IStorageRoutes
{
    [Put("/admin/configs")]
    Task<HttpResponseMessage> SetConfig([AliasAs("config_type")] string configType, [Body] StorageConfigRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/admin/configs")]
    Task<HttpResponseMessage> GetConfig([Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/admin/configs")]
    Task<HttpResponseMessage> DeleteConfig([AliasAs("key_name")] string keyName, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="IStorageRoutes"/>.</summary>
internal static class StorageRoutes
{
    public static readonly Route SetConfig = Route.Put("/admin/configs");
    public static readonly Route GetConfig = Route.Get("/admin/configs");
    public static readonly Route DeleteConfig = Route.Delete("/admin/configs");
}
