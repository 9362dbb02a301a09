import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { NO_PROBLEMS, problemsOf, type Problems } from '../../api/problemsOf';
import { CreateTrainingCourseDocument, TrainingCourseChoicesDocument } from '../../gql/graphql';
import { ProblemList } from '../../ui/Field';
import { InputField } from '../../ui/InputField';

const FIELDS = ['input.code', 'input.title', 'input.validityMonths'];

/** A new course to assign: its code, title and how long a completion stays valid. */
export function CourseForm() {
  const [code, setCode] = useState('');
  const [title, setTitle] = useState('');
  const [months, setMonths] = useState('');
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateTrainingCourseDocument, {
    refetchQueries: [TrainingCourseChoicesDocument],
  });
  async function submit(event: FormEvent) {
    event.preventDefault();
    setProblems(NO_PROBLEMS);
    setOutcome(null);
    try {
      const validityMonths = months.trim() ? Number(months) : null;
      await create({ variables: { input: { code, title, validityMonths } } });
      setOutcome(`${title} (${code}) is added.`);
      setCode('');
      setTitle('');
      setMonths('');
    } catch (caught) {
      setProblems(problemsOf(caught, FIELDS));
    }
  }
  return (
    <form aria-label="New course" onSubmit={(e) => void submit(e)}>
      <h3>New course</h3>
      <div className="inline-form">
        <InputField
          label="Course code"
          name="input.code"
          value={code}
          onChange={setCode}
          problems={problems}
          required
        />
        <InputField
          label="Course title"
          name="input.title"
          value={title}
          onChange={setTitle}
          problems={problems}
          required
        />
        <InputField
          label="Valid for (months)"
          name="input.validityMonths"
          type="number"
          value={months}
          onChange={setMonths}
          problems={problems}
          hint="Empty: it never expires."
        />
      </div>
      <ProblemList problems={problems.general} />
      {outcome && <p role="status">{outcome}</p>}
      <button type="submit" disabled={loading || !code.trim() || !title.trim()}>
        Add the course
      </button>
    </form>
  );
}
