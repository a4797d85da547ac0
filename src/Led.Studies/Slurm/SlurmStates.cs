using System.Text;
using Led.Studies.Folders;

namespace Led.Studies.Slurm;

/// <summary>The one place Slurm's state names are read and written, and what they mean for a study's runs.</summary>
public static class SlurmStates
{
    /// <summary>
    /// A state from Slurm's text, e.g. <c>PENDING</c>, <c>OUT_OF_MEMORY</c> or <c>CANCELLED by 1000</c> (the first word
    /// counts, case-insensitive); <see cref="SlurmState.Unknown"/> for anything else.
    /// </summary>
    public static SlurmState Parse(string text)
    {
        string word = text.Trim().Split(' ', 2)[0].Replace("_", "", StringComparison.Ordinal).TrimEnd('+');
        return word.Length > 0 && !char.IsDigit(word[0]) && Enum.TryParse<SlurmState>(word, ignoreCase: true, out var state) && Enum.IsDefined(state)
            ? state
            : SlurmState.Unknown;
    }

    /// <summary>Slurm's own name of a state, e.g. <c>OUT_OF_MEMORY</c>.</summary>
    public static string Name(SlurmState state)
    {
        var name = new StringBuilder();
        foreach (char c in state.ToString())
        {
            if (char.IsUpper(c) && name.Length > 0) name.Append('_');
            name.Append(char.ToUpperInvariant(c));
        }
        return name.ToString();
    }

    /// <summary>Queued or running: the task is Slurm's; neither a local run nor a resubmission takes it.</summary>
    public static bool IsActive(SlurmState state) =>
        state is SlurmState.Pending or SlurmState.Running or SlurmState.Configuring or SlurmState.Completing or SlurmState.Suspended or SlurmState.Requeued;

    /// <summary>
    /// The state shown for a run: what its folder says when it has ended (completed, failed, interrupted), else the queue's
    /// word for a submitted task (queued, running, no-results for a task that ended well but published nothing, or Slurm's
    /// state in lower case), else the folder's state.
    /// </summary>
    public static string RunStateName(RunStatus status, SlurmState? queue) => status.State switch
    {
        RunState.Completed or RunState.Failed or RunState.Interrupted => status.StateName,
        _ => queue switch
        {
            null => status.StateName,
            SlurmState.Pending => "queued",
            SlurmState.Running or SlurmState.Configuring or SlurmState.Completing => "running",
            SlurmState.Completed => "no-results",
            { } other => Name(other).ToLowerInvariant(),
        },
    };
}
