using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>The Teams signed-in bot routes as Refit declares them; see <see cref="IBotsRoutes"/> for the conventions.</summary>
internal interface ITeamsLoginsRoutes
{
    [Post("/teams-login-domains")]
    Task<HttpResponseMessage> CreateDomain([Body] CreateTeamsLoginDomainRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/teams-login-domains")]
    Task<HttpResponseMessage> ListDomains([Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/teams-login-domains/{domain}")]
    Task<HttpResponseMessage> GetDomain([AliasAs("domain")] string domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Patch("/teams-login-domains/{domain}")]
    Task<HttpResponseMessage> UpdateDomain([AliasAs("domain")] string domain, [Body] UpdateTeamsLoginDomainRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/teams-login-domains/{domain}")]
    Task<HttpResponseMessage> DeleteDomain([AliasAs("domain")] string domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/teams-logins")]
    Task<HttpResponseMessage> CreateLogin([Body] CreateTeamsLoginRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/teams-logins")]
    Task<HttpResponseMessage> ListLogins([AliasAs("domain")] string domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/teams-logins/{login_id}")]
    Task<HttpResponseMessage> GetLogin([AliasAs("login_id")] string loginId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Patch("/teams-logins/{login_id}")]
    Task<HttpResponseMessage> UpdateLogin([AliasAs("login_id")] string loginId, [Body] UpdateTeamsLoginRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/teams-logins/{login_id}")]
    Task<HttpResponseMessage> DeleteLogin([AliasAs("login_id")] string loginId, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="ITeamsLoginsRoutes"/>.</summary>
internal static class TeamsLoginsRoutes
{
    public static readonly Route CreateDomain = Route.Post("/teams-login-domains");
    public static readonly Route ListDomains = Route.Get("/teams-login-domains");
    public static readonly Route GetDomain = Route.Get("/teams-login-domains/{domain}");
    public static readonly Route UpdateDomain = Route.Patch("/teams-login-domains/{domain}", idempotent: true);
    public static readonly Route DeleteDomain = Route.Delete("/teams-login-domains/{domain}");
    public static readonly Route CreateLogin = Route.Post("/teams-logins");
    public static readonly Route ListLogins = Route.Get("/teams-logins");
    public static readonly Route GetLogin = Route.Get("/teams-logins/{login_id}");
    public static readonly Route UpdateLogin = Route.Patch("/teams-logins/{login_id}", idempotent: true);
    public static readonly Route DeleteLogin = Route.Delete("/teams-logins/{login_id}");
}
