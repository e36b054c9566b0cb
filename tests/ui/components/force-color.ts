// Imported first by tests that look at colour: chalk (inside Ink) decides its colour level when it is
// first imported, and a test runner's stdout is not a terminal, so without this no escape is ever written
// and a "no colour under NO_COLOR" assertion could not fail. NO_COLOR from the developer's shell is
// cleared for the same reason; tests that want it set it themselves.
process.env.FORCE_COLOR = '1';
delete process.env.NO_COLOR;
