using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.Oscillator;

public sealed class EnergyErrorOptions
{
    [Range(1e-6, 1e6, ErrorMessage = "frequency must be positive")]
    public double Frequency { get; set; } = 1;
}
