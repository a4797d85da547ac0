using System.ComponentModel.DataAnnotations;

namespace Led.Core.Configuration;

/// <summary>How forecasts are made and scored (config section <c>forecast</c>).</summary>
public sealed class ForecastOptions
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

    public MultiscaleOptions Multiscale { get; set; } = new();
}
