using Led.Abstractions.Learning;
using Led.Core.Configuration;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// A training chunk whose last steps are closed-loop (<see cref="TrainingOptions.Rollout"/>): the first L − r inputs of
/// <c>[B, L, d_z]</c> are fed as they are (teacher forcing), then each of the last r steps is fed the propagator's own
/// prediction of the step before, one call per step, with the gradient flowing through the whole loop. The predictions
/// have the chunk's shape, each one step ahead of its input as under teacher forcing; the state is left after the
/// closed-loop steps.
/// </summary>
public static class ClosedLoop
{
    /// <exception cref="ArgumentException"><paramref name="rollout"/> is negative or not shorter than the chunk.</exception>
    public static Tensor Forward(ILatentPropagator propagator, PropagatorState state, Tensor input, int rollout)
    {
        if (rollout == 0) return propagator.Forward(state, input);
        long length = input.shape[1];
        if (rollout < 0 || rollout >= length)
            throw new ArgumentException($"rollout {rollout} must be in [0, {length}): a chunk of {length} steps starts from at least one data sample", nameof(rollout));
        using var scope = NewDisposeScope();
        var outputs = new List<Tensor> { propagator.Forward(state, input.slice(1, 0, length - rollout, 1)) };
        for (int step = 0; step < rollout; step++)
        {
            var previous = outputs[^1];
            outputs.Add(propagator.Forward(state, previous.slice(1, previous.shape[1] - 1, previous.shape[1], 1)));
        }
        return cat(outputs, 1).MoveToOuterDisposeScope();
    }
}
