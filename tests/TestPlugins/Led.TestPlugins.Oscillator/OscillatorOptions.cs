using System.ComponentModel.DataAnnotations;

namespace Led.TestPlugins.Oscillator;

public sealed class OscillatorOptions
{
    [Range(1e-6, 1e6, ErrorMessage = "frequency must be positive")]
    public double Frequency { get; set; } = 1;

    [Range(1e-6, 10, ErrorMessage = "coarseStep must be in (0, 10]")]
    public double CoarseStep { get; set; } = 0.1;

    public List<int> Grid { get; set; } = [4];
}
