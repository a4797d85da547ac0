namespace Led.Core.Stages;

/// <summary>
/// One Multiscale-LED mode: T_μ micro steps after every T_m macro steps (T_m = 0: the solver alone; T_m ≥ H:
/// Latent-LED), its scores, and its wall time per coarse step against the solver's.
/// </summary>
public sealed record MultiscaleMode(int Micro, int Macro, ForecastScores Scores, double SecondsPerStep, double Speedup)
{
    public double Rho => (double)Macro / Micro;

    /// <summary>The prefix of this mode's keys in metrics.json.</summary>
    public string Key => $"multiscale_mu{Micro}_m{Macro}";
}
