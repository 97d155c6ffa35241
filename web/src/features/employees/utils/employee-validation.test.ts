import { describe, expect, it } from 'vitest';
import { EMPLOYEE_LIMITS, NEW_EMPLOYEE, validateEmployee, valuesOf, type EmployeeFormValues } from './employee-validation';

const models = ['textura-knowledge', 'gpt-4o-mini'];
const good: EmployeeFormValues = { ...NEW_EMPLOYEE, name: ' Concierge Anna ', role: 'Concierge', model: 'textura-knowledge' };

describe('the employee form mirrors the API limits', () => {
  it('builds the request body from good values', () => {
    const { errors, input } = validateEmployee({ ...good, temperature: '0,7', replyWordLimit: '150' }, models);
    expect(errors).toEqual({});
    expect(input).toEqual({
      name: 'Concierge Anna',
      role: 'Concierge',
      instructions: '',
      greeting: '',
      model: 'textura-knowledge',
      temperature: 0.7,
      reply_word_limit: 150,
    });
  });

  it('needs a name of at most 100 characters', () => {
    expect(validateEmployee({ ...good, name: '   ' }, models).errors.name).toMatch(/name/);
    expect(validateEmployee({ ...good, name: 'x'.repeat(EMPLOYEE_LIMITS.name) }, models).errors.name).toBeUndefined();
    expect(validateEmployee({ ...good, name: 'x'.repeat(101) }, models).errors.name).toMatch(/At most 100 characters/);
  });

  it('limits role, instructions and greeting', () => {
    const { errors, input } = validateEmployee(
      { ...good, role: 'r'.repeat(101), instructions: 'i'.repeat(20_001), greeting: 'g'.repeat(2_001) },
      models,
    );
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['greeting', 'instructions', 'role']);
    expect(errors.instructions).toMatch(/20,000/);
    expect(validateEmployee({ ...good, instructions: 'i'.repeat(20_000) }, models).input).not.toBeNull();
  });

  it('needs a model from the catalog', () => {
    expect(validateEmployee({ ...good, model: '' }, models).errors.model).toBe('Choose a model.');
    expect(validateEmployee({ ...good, model: 'gpt-9' }, models).errors.model).toMatch(/not offered/);
  });

  it('takes a temperature from 0 to 2', () => {
    for (const ok of ['0', '2', '1.5', '.5']) expect(validateEmployee({ ...good, temperature: ok }, models).errors).toEqual({});
    for (const bad of ['', '-0.1', '2.01', 'hot', '1e1']) {
      expect(validateEmployee({ ...good, temperature: bad }, models).errors.temperature).toBeDefined();
    }
  });

  it('takes a reply limit of 0 (none) or 10–2000 whole words', () => {
    for (const ok of ['0', '', '10', '2000']) {
      expect(validateEmployee({ ...good, replyWordLimit: ok }, models).errors).toEqual({});
    }
    for (const bad of ['9', '2001', '12.5', '-10', 'many']) {
      expect(validateEmployee({ ...good, replyWordLimit: bad }, models).errors.replyWordLimit).toBeDefined();
    }
  });

  it('round-trips an employee into the form', () => {
    const values = valuesOf({ ...good, temperature: 0.3, reply_word_limit: 0 });
    expect(validateEmployee(values, models).input?.temperature).toBe(0.3);
  });
});
