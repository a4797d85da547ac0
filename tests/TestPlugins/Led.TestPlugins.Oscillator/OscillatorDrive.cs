namespace Led.TestPlugins.Oscillator;

/// <summary>An option spelled as a word in configs (the oscillator ignores it).</summary>
public enum OscillatorDrive
{
    None,
    PeriodicForce,
}
