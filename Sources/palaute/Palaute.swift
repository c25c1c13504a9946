import ArgumentParser

@main
struct Palaute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "palaute",
        abstract: "Classify Finnish patient feedback and queue detractors for follow-up.",
        version: "0.1.0",
        subcommands: [
            Ingest.self,
            Analyze.self,
            Classify.self,
            Explain.self,
            Evaluate.self,
            SentimentFeaturesCommand.self,
            LLMCheck.self,
            Export.self,
            Report.self,
            Run.self,
            Runs.self,
            FollowUps.self,
        ]
    )
}
