package exact

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/lir-lab/lir/engine/cards"
	"github.com/lir-lab/lir/engine/config"
	"github.com/lir-lab/lir/engine/paytable"
	"github.com/lir-lab/lir/engine/poker"
	"github.com/lir-lab/lir/engine/rulebook"
	"github.com/lir-lab/lir/engine/rules"
	"github.com/lir-lab/lir/engine/strategy"
)

// FeatureClasses group holdings by what a custom rule can see of them:
// their card variables (strategy.Features), and for three cards their
// bonus category too. A rule list decides every holding of a class alike,
// whatever the session, so in each session state it runs once per class:
// 840 (features, bonus) classes of three cards, 3,505 of four. Joint holds
// the deals by (three-card class, four-card class, final category): 64,774
// non-zero cells, from which any pair of decision vectors gives the hand
// model at once.
type FeatureClasses struct {
	Features3 []strategy.Features // three-card feature vectors
	Class3    []FeatureClass3     // (features, bonus) classes
	Features4 []strategy.Features // four-card classes
	Joint     []JointCell
}

// FeatureClass3 is a three-card feature vector with a bonus category.
type FeatureClass3 struct {
	Features int32 // index into FeatureClasses.Features3
	Bonus    poker.Category3
}

// JointCell counts the deals of three-card class A, four-card class B
// that end in category Cat.
type JointCell struct {
	A, B int32
	Cat  poker.Category
	N    int64
}

// NewFeatureClasses groups every holding, counting completions with c.
func NewFeatureClasses(c *Completions4) *FeatureClasses {
	fc := &FeatureClasses{}
	f3 := map[strategy.Features]int32{}
	c3 := map[FeatureClass3]int32{}
	of3 := make([]int32, cards.NumHands3)
	cards.ForEach3(func(i int, h [3]cards.Card) {
		x := intern(f3, &fc.Features3, strategy.FeaturesOf(h[:]))
		of3[i] = intern(c3, &fc.Class3, FeatureClass3{x, poker.Classify3(h[0], h[1], h[2])})
	})
	f4 := map[strategy.Features]int32{}
	of4 := make([]int32, cards.NumHands4)
	cards.ForEach4(func(j int, h [4]cards.Card) {
		of4[j] = intern(f4, &fc.Features4, strategy.FeaturesOf(h[:]))
	})
	type key struct {
		a, b int32
		cat  poker.Category
	}
	idx := map[key]int32{}
	cards.ForEach3(func(i int, h [3]cards.Card) {
		a := of3[i]
		for x := cards.Card(0); x < cards.NumCards; x++ {
			if x == h[0] || x == h[1] || x == h[2] {
				continue
			}
			j := cards.Index4(h[0], h[1], h[2], x)
			for cat, n := range c.Counts(j) {
				if n == 0 {
					continue
				}
				k := key{a, of4[j], poker.Category(cat)}
				z, ok := idx[k]
				if !ok {
					z = int32(len(fc.Joint))
					idx[k] = z
					fc.Joint = append(fc.Joint, JointCell{k.a, k.b, k.cat, 0})
				}
				fc.Joint[z].N += int64(n)
			}
		}
	})
	return fc
}

// intern returns v's index in list, appending it when new (index maps
// values to their indices).
func intern[K comparable](index map[K]int32, list *[]K, v K) int32 {
	x, ok := index[v]
	if !ok {
		x = int32(len(*list))
		index[v] = x
		*list = append(*list, v)
	}
	return x
}

// MaxRuleEvaluations bounds the rule runs a session chain may make for
// custom rules that read session variables: each distinct set of session
// values a rule list reads costs a run per hand class (840 of three cards,
// 3,505 of four; a run takes some tens of nanoseconds). Past it the study
// is Omitted with the count.
const MaxRuleEvaluations = 400_000_000

// RulesPolicy plays custom rule lists that read session variables in the
// chain: in each state a list runs on every hand class with that state's
// session variables (rulebook.Book.FillSession, as the simulator fills
// them), and the decisions give the hand model. States whose values of
// the variables a list reads are equal share its run.
type RulesPolicy struct {
	k      *rulebook.Book
	fc     *FeatureClasses
	pays   paytable.Main
	lists  [2]ruleList // bet 1 over three-card features, bet 2 over four-card ones
	env    rules.Env
	byDec  map[[2]int32]int32
	models []*SessionChain
	evals  int64
	key    []byte
}

// ruleList is one decision's rules with the decision vectors they made.
type ruleList struct {
	rules    *strategy.Rules // nil: card-only, one vector
	features []strategy.Features
	reads    []rules.Var      // the session variables the list reads
	byEnv    map[string]int32 // by the values of reads
	byVector map[string]int32 // by the decisions, a byte each
	vectors  [][]bool
}

// NewRulesPolicy prepares config c's custom rules over feature classes fc
// for the chain of book k.
func NewRulesPolicy(c *config.Config, k *rulebook.Book, fc *FeatureClasses) (*RulesPolicy, error) {
	r1, r2, err := rulebook.CustomRules(c)
	if err != nil {
		return nil, err
	}
	p := &RulesPolicy{k: k, fc: fc, pays: rulebook.MainPaytable(c), byDec: map[[2]int32]int32{}}
	for x, list := range []*strategy.Rules{r1, r2} {
		l := &p.lists[x]
		l.features, l.byEnv, l.byVector = fc.Features3, map[string]int32{}, map[string]int32{}
		if x == 1 {
			l.features = fc.Features4
		}
		if list.CardOnly() {
			var env rules.Env
			l.vectors = [][]bool{run(list, l.features, &env)}
			continue
		}
		l.rules = list
		for v := range rules.Var(rules.NumVars) {
			if !rules.Vars[v].Card && list.Uses().Has(v) {
				l.reads = append(l.reads, v)
			}
		}
	}
	return p, nil
}

// run decides every feature vector fs with list, the session variables
// already in env.
func run(list *strategy.Rules, fs []strategy.Features, env *rules.Env) []bool {
	out := make([]bool, len(fs))
	for x := range fs {
		fs[x].Fill(env)
		out[x] = list.Decide(env)
	}
	return out
}

// vector returns the id of the decisions list l makes with the session
// variables in p.env.
func (p *RulesPolicy) vector(l *ruleList) (int32, error) {
	if l.rules == nil {
		return 0, nil
	}
	key := p.key[:0]
	for _, v := range l.reads {
		key = binary.LittleEndian.AppendUint64(key, math.Float64bits(p.env[v]))
	}
	p.key = key
	if id, ok := l.byEnv[string(key)]; ok {
		return id, nil
	}
	p.evals += int64(len(l.features))
	if p.evals > MaxRuleEvaluations {
		var names []string
		for _, v := range l.reads {
			names = append(names, rules.Vars[v].Name)
		}
		return 0, &Omitted{Reason: fmt.Sprintf("custom rules read %s, whose values make more than %d rule runs over the hand classes", strings.Join(names, ", "), MaxRuleEvaluations), Count: p.evals}
	}
	v := run(l.rules, l.features, &p.env)
	dk := make([]byte, len(v))
	for x, r := range v {
		dk[x] = b2u(r)
	}
	id, ok := l.byVector[string(dk)]
	if !ok {
		id = int32(len(l.vectors))
		l.vectors = append(l.vectors, v)
		l.byVector[string(dk)] = id
	}
	l.byEnv[string(key)] = id
	return id, nil
}

// Play implements Policy.
func (p *RulesPolicy) Play(st *rulebook.State, bet, bonus int64) (int32, int64, error) {
	p.k.FillSession(st, &p.env)
	var ids [2]int32
	for x := range p.lists {
		id, err := p.vector(&p.lists[x])
		if err != nil {
			return 0, 0, err
		}
		ids[x] = id
	}
	m, ok := p.byDec[ids]
	if !ok {
		m = int32(len(p.models))
		p.byDec[ids] = m
		p.models = append(p.models, p.fc.chain(&p.pays, p.lists[0].vectors[ids[0]], p.lists[1].vectors[ids[1]]))
	}
	return m, bonus, nil
}

// Model implements Policy.
func (p *RulesPolicy) Model(m int32) *SessionChain { return p.models[m] }

// chain returns the hand model of decisions d1 (by three-card features)
// and d2 (by four-card features) under paytable pays.
func (fc *FeatureClasses) chain(pays *paytable.Main, d1, d2 []bool) *SessionChain {
	const nc = int(poker.NumCategories)
	n := make([]int64, int(poker.NumCategories3)*4*nc) // deals by bonus category, units in action, category
	for _, j := range fc.Joint {
		a := fc.Class3[j.A]
		u := 1
		if d1[a.Features] {
			u++
		}
		if d2[j.B] {
			u++
		}
		n[(int(a.Bonus)*4+u)*nc+int(j.Cat)] += j.N
	}
	return modelOf(n, pays.Pays[:])
}

// modelOf returns the hand model of deal counts n by bonus category, units
// in action (0–3) and pay index (n[(k·4+u)·len(pays)+i]), pays the net pay
// of each index.
func modelOf(n []int64, pays []int64) *SessionChain {
	c := &SessionChain{}
	np := len(pays)
	var units []weightedUnits
	for k := range c.units {
		units = units[:0]
		for u := 1; u <= 3; u++ {
			for i, x := range n[(k*4+u)*np : (k*4+u+1)*np] {
				if x != 0 {
					units = append(units, weightedUnits{int64(u) * pays[i], x})
				}
			}
		}
		slices.SortFunc(units, func(a, b weightedUnits) int { return cmp.Compare(a.units, b.units) })
		for j := 0; j < len(units); {
			u, n := units[j].units, int64(0)
			for ; j < len(units) && units[j].units == u; j++ {
				n += units[j].n // counts add exactly; one division each
			}
			c.add(k, u, float64(n)/Deals)
		}
	}
	return c
}

// weightedUnits is a main result in units of the per-circle bet and its
// deal count.
type weightedUnits struct {
	units, n int64
}
