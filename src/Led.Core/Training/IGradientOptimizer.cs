namespace Led.Core.Training;

/// <summary>A gradient step over a fixed set of parameters.</summary>
public interface IGradientOptimizer
{
    void ZeroGrad();

    void Step();
}
