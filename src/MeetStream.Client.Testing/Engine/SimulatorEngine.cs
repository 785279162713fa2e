namespace MeetStream.Client.Testing;

/// <summary>
/// The simulator's core: the clock, the one lock every store is read and changed under, the scheduler of scripted
/// steps, and the "something changed" signal waiters use. The state itself lives in the per-resource stores
/// (<see cref="BotStore"/>, <see cref="TranscriptStore"/>, <see cref="CalendarStore"/>, …).
/// </summary>
internal sealed class SimulatorEngine
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SimulatorEngine(MeetStreamSimulatorOptions options, SimulatorClock clock, SimulatorJournal journal)
    {
        Options = options;
        Timings = options.Timings.Clone();
        Clock = clock;
        Journal = journal;
    }

    /// <summary>The one lock: route handlers and scripted steps run under it, so the stores are always consistent.</summary>
    public object Gate { get; } = new();

    public MeetStreamSimulatorOptions Options { get; }

    public SimulatorTimings Timings { get; }

    public SimulatorClock Clock { get; }

    public SimulatorJournal Journal { get; }

    public DateTimeOffset Now => Clock.UtcNow;

    /// <summary>A task that completes at the next state change (status, event, artifact).</summary>
    public Task ChangedAsync()
    {
        lock (Gate)
        {
            return _changed.Task;
        }
    }

    public void NotifyChanged()
    {
        TaskCompletionSource changed;
        lock (Gate)
        {
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public void StepFailed(string label, Exception ex) => Journal.AddError($"Scripted step '{label}' failed: {ex}");

    /// <summary>Runs <paramref name="step"/> under the lock at <paramref name="at"/>; it returns false when it changed nothing.</summary>
    public void Schedule(DateTimeOffset at, string label, Func<bool> step)
    {
        Clock.Schedule(at, label, () =>
        {
            lock (Gate)
            {
                if (!step())
                {
                    return;
                }
            }

            NotifyChanged();
        });
    }

    /// <summary>Schedules a step of a bot's script; it is skipped if the script changed (remove_bot, delete, reschedule) meanwhile.</summary>
    public void After(SimBot bot, TimeSpan delay, string label, Action<SimBot> step)
    {
        var version = bot.Version;
        Schedule(Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), $"{bot.Id} {label}", () =>
        {
            if (bot.Version != version || bot.Removed)
            {
                return false;
            }

            step(bot);
            return true;
        });
    }
}
