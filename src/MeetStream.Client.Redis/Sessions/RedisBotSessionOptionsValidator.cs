using Microsoft.Extensions.Options;

namespace MeetStream.Client.Redis.Sessions;

/// <summary>Validates <see cref="RedisBotSessionOptions"/> at start-up, listing every problem at once.</summary>
internal sealed class RedisBotSessionOptionsValidator : IValidateOptions<RedisBotSessionOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RedisBotSessionOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(e => "RedisBotSessionOptions." + e));
    }
}
