using MeetStream.Client.Resilience;
using Refit;

namespace MeetStream.Client.Routes;

/// <summary>The Google signed-in bot routes as Refit declares them; see <see cref="IBotsRoutes"/> for the conventions.</summary>
internal interface IGoogleLoginsRoutes
{
    [Post("/google-login-domains")]
    Task<HttpResponseMessage> CreateDomain([Body] CreateGoogleLoginDomainRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/google-login-domains")]
    Task<HttpResponseMessage> ListDomains([Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/google-login-domains/{domain}")]
    Task<HttpResponseMessage> GetDomain([AliasAs("domain")] string domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Patch("/google-login-domains/{domain}")]
    Task<HttpResponseMessage> UpdateDomain([AliasAs("domain")] string domain, [Body] UpdateGoogleLoginDomainRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/google-login-domains/{domain}")]
    Task<HttpResponseMessage> DeleteDomain([AliasAs("domain")] string domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Post("/google-logins")]
    Task<HttpResponseMessage> CreateLogin([Body] CreateGoogleLoginRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Get("/google-logins")]
    Task<HttpResponseMessage> ListLogins([AliasAs("domain")] string? domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Patch("/google-logins/{login_id}")]
    Task<HttpResponseMessage> UpdateLogin([AliasAs("login_id")] string loginId, [Body] UpdateGoogleLoginRequest request, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);

    [Delete("/google-logins/{login_id}")]
    Task<HttpResponseMessage> DeleteLogin([AliasAs("login_id")] string loginId, [AliasAs("domain")] string? domain, [Property(Route.PolicyKey)] RequestPolicy policy, CancellationToken cancellationToken);
}

/// <summary>The per-route rules of <see cref="IGoogleLoginsRoutes"/>.</summary>
internal static class GoogleLoginsRoutes
{
    public static readonly Route CreateDomain = Route.Post("/google-login-domains");
    public static readonly Route ListDomains = Route.Get("/google-login-domains");
    public static readonly Route GetDomain = Route.Get("/google-login-domains/{domain}");
    public static readonly Route UpdateDomain = Route.Patch("/google-login-domains/{domain}", idempotent: true);
    public static readonly Route DeleteDomain = Route.Delete("/google-login-domains/{domain}");
    public static readonly Route CreateLogin = Route.Post("/google-logins");
    public static readonly Route ListLogins = Route.Get("/google-logins");
    public static readonly Route UpdateLogin = Route.Patch("/google-logins/{login_id}", idempotent: true);
    public static readonly Route DeleteLogin = Route.Delete("/google-logins/{login_id}");
}
