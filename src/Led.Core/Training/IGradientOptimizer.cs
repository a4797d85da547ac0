namespace Led.Core.Training;

/// <summary>A gradient step over a fixed set of parameters, whose state (moments, step counts) a checkpoint keeps.</summary>
public interface IGradientOptimizer
{
    void ZeroGrad();

    void Step();

    /// <summary>Writes the optimiser's state (not the parameters) so that <see cref="LoadState"/> continues exactly.</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Restores a state written by <see cref="SaveState"/> for the same parameters.</summary>
    void LoadState(BinaryReader reader);
}
