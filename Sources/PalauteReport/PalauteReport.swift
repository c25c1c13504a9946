// Placeholder until this module's issue is worked on.
