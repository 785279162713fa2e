namespace MeetStream.Client.Testing;

/// <summary>The signed-in bot accounts (Google and Teams), and the leases create_bot takes on them while a bot is in a meeting.</summary>
internal sealed class LoginStore
{
    public LoginPool Google { get; } = new("Google", 20);

    public LoginPool Teams { get; } = new("Teams", 1);

    /// <summary>The account a new bot signs in with, if its body asks for a login domain; 400/409/429 when there is none to take.</summary>
    public (string? Google, string? Teams) Reserve(CreateBotParser parsed)
    {
        if (parsed.GoogleLoginDomain is { } googleDomain)
        {
            var key = googleDomain.Trim().ToLowerInvariant();
            if (!Google.HasDomain(key))
            {
                throw ApiError.BadRequest($"google_meet.google_login_domain '{googleDomain}' is not registered; create it with POST /google-login-domains");
            }

            return (Google.Pick(key, parsed, googleDomain), null);
        }

        if (parsed.TeamsLoginDomain is { } teamsDomain)
        {
            var key = teamsDomain.Trim().ToLowerInvariant();
            if (!Teams.HasDomain(key))
            {
                throw ApiError.BadRequest($"teams.teams_login_domain '{teamsDomain}' is not registered; create it with POST /teams-login-domains");
            }

            return (null, Teams.Pick(key, parsed, teamsDomain));
        }

        return (null, null);
    }

    /// <summary>The bot takes its account's lease; a Teams bot is named after its account.</summary>
    public void Attach(SimBot bot)
    {
        if (bot.GoogleLoginId is { } google && Google.Find(google) is { } g)
        {
            g.Sessions.Add(bot.Id);
        }

        if (bot.TeamsLoginId is { } teams && Teams.Find(teams) is { } t)
        {
            t.Sessions.Add(bot.Id);
            bot.BotName = t.Email;
        }
    }

    /// <summary>The bot left (or was cancelled): its lease is returned with the session's result.</summary>
    public void Release(SimBot bot)
    {
        foreach (var id in new[] { bot.GoogleLoginId, bot.TeamsLoginId })
        {
            if (id is not null && (Google.Find(id) ?? Teams.Find(id)) is { } login)
            {
                login.Sessions.Remove(bot.Id);
                login.LastSessionResult = bot.StopReason is "bot.stopped" or "bot.kicked" ? "completed" : "failed";
            }
        }
    }
}
