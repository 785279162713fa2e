using MeetStream.Client.Redis.Configuration;
using Microsoft.Extensions.Options;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>
/// Validates <see cref="RedisBotSessionOptions"/> and the sessions' wiring at start-up, listing every problem at once:
/// a Redis connection must be configured (by <c>UseRedis</c> or a connection string given to <c>UseRedisSessions</c>),
/// and no <c>AddHandler</c> may have replaced the directory's wrapper after <c>UseRedisSessions</c>.
/// </summary>
internal sealed class RedisBotSessionOptionsValidator(RedisConnectionSources sources, RedisSessionsRegistration registration) : IValidateOptions<RedisBotSessionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisBotSessionOptions options)
    {
        var errors = options.Validate().Select(e => "RedisBotSessionOptions." + e).ToList();
        if (!sources.Webhooks && sources.SessionsConnectionString is null)
        {
            errors.Add("RedisBotSessionOptions: UseRedisSessions() without a connection string shares the webhook side's Redis connection, but UseRedis was not called: call AddMeetStreamWebhooks(...).UseRedis(connectionString), or pass the connection string to UseRedisSessions.");
        }

        if (!registration.WrapperIsHandler)
        {
            errors.Add("RedisBotSessionOptions: AddHandler was called after UseRedisSessions and replaced the handler that lists sessions in the Redis directory (other replicas could not reach these bots): call AddHandler before UseRedisSessions.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
