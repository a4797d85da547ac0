using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.TestPlugins.Oscillator;

/// <summary>Mean relative error of the oscillators' total energy ½Σ(v² + ω²x²) of the prediction against the truth.</summary>
public sealed class EnergyError(EnergyErrorOptions options) : IForecastMetric
{
    public IReadOnlyDictionary<string, double> Evaluate(SystemDescription system, ReadOnlySpan<double> predictions, ReadOnlySpan<double> targets, int initialConditions)
    {
        int frame = system.Size, points = frame / 2, frames = predictions.Length / frame;
        double sum = 0;
        for (int f = 0; f < frames; f++)
        {
            double Energy(ReadOnlySpan<double> s)
            {
                double e = 0;
                for (int i = 0; i < points; i++) e += 0.5 * (s[points + i] * s[points + i] + options.Frequency * options.Frequency * s[i] * s[i]);
                return e;
            }
            double truth = Energy(targets.Slice(f * frame, frame));
            sum += Math.Abs(Energy(predictions.Slice(f * frame, frame)) - truth) / truth;
        }
        return new Dictionary<string, double> { ["energy_error"] = sum / frames };
    }
}
