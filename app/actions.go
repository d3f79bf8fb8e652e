package app

// The page's panels share state the way go-app's own documentation site
// does: a panel observes the states it shows (ctx.ObserveState) and asks
// for changes with actions; the coordinator (coordinator.go) handles the
// actions and sets the states, on the UI goroutine.

// States, with the type each holds.
const (
	stateStudy      = "lab.study"      // study: the study in the editor
	stateAnswer     = "lab.answer"     // async[*answer]: the exact answer for the study
	stateRun        = "lab.run"        // async[*runJob]: the run or comparison on the workers
	stateResults    = "lab.results"    // async[*runResult]: the results shown
	stateComparison = "lab.comparison" // async[*comparisonView]: the comparison shown
	stateStudyFiles = "lab.studyfiles" // studyFiles: the files picked for a study of many configs
	stateStudies    = "lab.studies"    // async[*studyOutcome]: the study of many configs shown
	stateWalkAway   = "lab.walkaway"   // async[*walkAwayView]: the walk-away map of a study
	stateHistory    = "lab.history"    // []historyEntry: finished runs and comparisons
	stateWorkers    = "lab.workers"    // workerCount: the pool's size, or why the one typed is refused
	stateDark       = "lab.dark"       // bool: the dark theme is on
)

// Actions, with the value each carries.
const (
	actionStudy        = "lab.study"         // study: the editor's study changed
	actionLoad         = "lab.load"          // loadRequest: load a config into the editor
	actionRun          = "lab.run"           // none: run the study
	actionCompare      = "lab.compare"       // comparePick: compare these configs
	actionCancel       = "lab.cancel"        // none: stop the run or comparison
	actionWorkers      = "lab.workers"       // string: the worker count typed
	actionWalkAway     = "lab.walkaway"      // string: map this study key's walk-away limits
	actionShowHistory  = "lab.history.show"  // string: show the history entry with this ID
	actionClearHistory = "lab.history.clear" // none
	actionComparison   = "lab.comparison"    // comparisonFile: show a comparison document
	actionStudyFiles   = "lab.studyfiles"    // studyPick: files picked for a study of many configs
	actionStudyRun     = "lab.studyrun"      // studyOptions: run the study of the files picked
	actionTheme        = "lab.theme"         // none: switch the theme
	actionWorker       = "lab.worker"        // workerEvent: a message from a worker
)
