namespace Led.TestPlugins.Duplicate;

public sealed class ConstantOptions
{
    public double Value { get; set; } = 1;
}
