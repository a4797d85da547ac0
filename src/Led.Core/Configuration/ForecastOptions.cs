using System.ComponentModel.DataAnnotations;

namespace Led.Core.Configuration;

/// <summary>How forecasts are made and scored (config section <c>forecast</c>).</summary>
public sealed class ForecastOptions : IValidatableObject
{
    /// <summary>Coarse steps of teacher-forced warm-up before forecasting.</summary>
    [Range(2, int.MaxValue, ErrorMessage = "warmup must be ≥ 2 (one teacher-forced step and the first prediction)")]
    public int Warmup { get; set; } = 60;

    /// <summary>Forecast horizon in coarse steps.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "horizon must be ≥ 1")]
    public int Horizon { get; set; } = 3200;

    /// <summary>How many test initial conditions to forecast from (0: all in the data).</summary>
    [Range(0, int.MaxValue, ErrorMessage = "initialConditions must be ≥ 0")]
    public int InitialConditions { get; set; }

    /// <summary>
    /// Shorter horizons (coarse steps) also scored: <c>mnad_h&lt;h&gt;</c> (and persistence's, <c>mnad_persistence_h&lt;h&gt;</c>), <c>mnad_&lt;channel&gt;_h&lt;h&gt;</c> (means over
    /// initial conditions) and <c>mnad_&lt;channel&gt;_ic0_h&lt;h&gt;</c> (the first initial condition alone), e.g. 451 for
    /// the FHN comparison with Lee et al. 2020.
    /// </summary>
    public List<int> ReportHorizons { get; set; } = [];

    /// <summary>
    /// Forecasts per initial condition for a stochastic model (a stochastic propagator or a probabilistic decoder of a
    /// point set or coordinate vector): each member samples its own path; the ensemble is stored and scored as a
    /// distribution. Deterministic models need 1.
    /// </summary>
    [Range(1, 100000, ErrorMessage = "ensemble must be between 1 and 100000")]
    public int Ensemble { get; set; } = 1;

    /// <summary>
    /// Latent-LED decodes every k-th step only (steps k, 2k, …; 1: every step): the latent trajectory is kept in full and
    /// the steps in between cost the propagator alone. The errors and the forecast file then cover the decoded steps
    /// only, a report horizon h is scored over the decoded steps up to h, and the forecast plots, which need every step,
    /// are not drawn. Multiscale-LED decodes every step regardless (its lifts need the states).
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "decodeEvery must be ≥ 1 (1 decodes every step)")]
    public int DecodeEvery { get; set; } = 1;

    /// <summary>
    /// The error level that ends a forecast's valid time: the first step whose NRMSE normalised by the attractor's standard
    /// deviation (<c>nrmse_std</c>) exceeds it (0.5 in Vlachas et al. 2020 and the paper's Fig. 3h). Scored as
    /// <c>valid_time</c> (system time units, mean over initial conditions) for fields.
    /// </summary>
    [Range(1e-12, double.MaxValue, ErrorMessage = "validTimeThreshold must be > 0 (the references use 0.5)")]
    public double ValidTimeThreshold { get; set; } = 0.5;

    /// <summary>
    /// The system's Lyapunov time 1/Λ₁ in its time units (KS, L = 22: 20.83); when set, the valid time is also reported in
    /// Lyapunov times (<c>valid_lyapunov_times</c>) and the <c>nrmse_std</c> plot's time axis is in Lyapunov times. 0: not set.
    /// </summary>
    [Range(0, double.MaxValue, ErrorMessage = "lyapunovTime must be ≥ 0 (0: not set)")]
    public double LyapunovTime { get; set; }

    public MultiscaleOptions Multiscale { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (int h in ReportHorizons.Where(h => h < 1 || h > Horizon))
            yield return new ValidationResult($"reportHorizons: {h} is not between 1 and horizon ({Horizon})", [nameof(ReportHorizons)]);
        if (Horizon >= 1 && DecodeEvery > Horizon)
            yield return new ValidationResult($"decodeEvery {DecodeEvery} exceeds the horizon ({Horizon}), so no step would be decoded; use a value between 1 and {Horizon}",
                [nameof(DecodeEvery)]);
        else if (DecodeEvery > 1)
            foreach (int h in ReportHorizons.Where(h => h >= 1 && h < DecodeEvery))
                yield return new ValidationResult(
                    $"report horizon {h} comes before the first decoded step ({DecodeEvery}, as decodeEvery is {DecodeEvery}); use report horizons ≥ {DecodeEvery} or a smaller decodeEvery",
                    [nameof(ReportHorizons)]);
    }
}
