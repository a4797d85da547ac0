using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Core.Configuration;

namespace Led.Core.Checks;

/// <summary>
/// <c>training.reconstructionWeights</c> weighs the squared reconstruction errors of a field observable's grid points
/// from a fixed field of the dataset: the field must exist, on the observable's grid; the autoencoder must be trained
/// by gradient on squared errors (not by a probabilistic decoder's likelihood, not fitted, not reused), and in endToEnd
/// mode a reconstruction term or the pre-training must be there to weigh.
/// </summary>
public sealed class ReconstructionWeightsRule : IComponentRule
{
    public IEnumerable<string> Check(ComponentRuleContext context)
    {
        var t = context.Config.Training;
        if (t.ReconstructionWeights is not { } weights) yield break;
        const string at = "training.reconstructionWeights";
        if (context.Kind != ObservableKind.Field)
        {
            yield return $"{at}: it weighs the grid points of a field observable, and this system's observable is a {context.Kind}: remove reconstructionWeights";
            yield break;
        }
        string name = (context.Config.Decoder ?? context.Config.Encoder)?.Name ?? "the autoencoder";
        if (t.AutoencoderLoss == LossKind.Nll || (t.AutoencoderLoss == LossKind.Auto && context.AutoencoderIs<IProbabilisticDecoder>()))
            yield return $"{at}: {name} is trained by the negative log-likelihood of its probabilistic decoder, and the weights weigh squared errors: " +
                         "set training.autoencoderLoss to mse or remove reconstructionWeights";
        else if (context.Autoencoder is not null && !context.AutoencoderTrainedByGradient)
            yield return $"{at}: the autoencoder is not trained by gradient in this run ({(t.Autoencoder is null ? $"{name} is fitted in closed form" : "it is reused from training.autoencoder")}), " +
                         "so there is no loss to weigh: remove reconstructionWeights";
        if (t.Mode == TrainingMode.EndToEnd && !t.ReconstructionLoss && !t.PretrainAutoencoder)
            yield return $"{at}: endToEnd training weighs its reconstruction term and the autoencoder's pre-training, and neither is on: " +
                         "set training.reconstructionLoss or training.pretrainAutoencoder to true, or remove reconstructionWeights";
        if (context.FieldsSource is not { } source || string.IsNullOrWhiteSpace(weights.Field)) yield break;
        if (!context.Fields.TryGetValue(weights.Field, out var shape))
        {
            var names = context.Fields.Keys.Order(StringComparer.Ordinal).ToList();
            yield return names.Count == 0
                ? $"{at}.field: {source} has no fixed fields to weigh by: use a system that provides one (e.g. a body mask) or remove reconstructionWeights"
                : $"{at}.field: {source} has no field '{weights.Field}'" +
                  (NearestName.Of(weights.Field, names) is { } nearest ? $"; did you mean '{nearest}'?" : "") +
                  $" (its fields: {string.Join(", ", names)})";
        }
        else if (!shape.SequenceEqual(context.Grid))
            yield return $"{at}.field: the field '{weights.Field}' of {source} has shape [{string.Join(", ", shape)}], the observable's grid is " +
                         $"[{string.Join(", ", context.Grid)}]: weigh by a field on the observable's grid";
    }
}
